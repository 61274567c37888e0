using CaseLedger.Api.Inspections.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Ledger.Proofs;
using CaseLedger.Api.Ledger.Sealing;

namespace CaseLedger.Api.Inspections.Publishing;

/// <summary>Publication freezes the ledger: after it, every write to the inspection is a 409. The answer carries
/// the receipt of the publication event in the signed log, so the lead holds proof of what was published.</summary>
public static class PublishInspectionEndpoint
{
    /// <summary>How long the answer waits for the sealer, which runs a moment behind commit, to sign a head over
    /// the publication. Past it the answer comes without a receipt; the proof endpoints give it later.</summary>
    public static readonly TimeSpan ReceiptWait = TimeSpan.FromSeconds(10);

    public sealed record Published(Guid Id, string State, DateTimeOffset? PublishedAt, LeafReceipt? Ledger);

    public static Decision<InspectionHeader> Decide(InspectionHeader header, Actor actor, DateTimeOffset now)
    {
        if ((InspectionRules.LeadOnly(header, actor, "publish it") ?? InspectionRules.Writable(header)) is { } refused)
            return refused;
        if (header.OpenWeek is { } open)
            return Rejection.Conflict($"Week {open} is still open; close it before publishing.");
        return HeaderCommand.Evolve(header, now, new InspectionPublished(header.Id));
    }

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/publish", OperationId = "PublishInspection")]
    [ProducesResponseType<Published>(200, "application/json")]
    [ProblemResponses(401, 403, 404, 409)]
    public static async Task<IResult> Post(
        Guid id, HttpContext http, IDocumentStore store, TimeProvider clock, LedgerSealing sealing, CancellationToken cancellation)
    {
        var answer = await WritePipeline.RunAsync(
            new HeaderCommand(id, Decide, header => Results.Ok(new Published(header.Id, header.State, header.PublishedAt, null))),
            http, store, clock, cancellation);
        if (answer is not Ok<Published> { Value: { } published } || !sealing.Enabled) return answer;
        return Results.Ok(published with { Ledger = await ReceiptAsync(id, store, clock, cancellation) });
    }

    // Publication is the stream's last event: nothing can be appended after it.
    private static async Task<LeafReceipt?> ReceiptAsync(Guid id, IDocumentStore store, TimeProvider clock, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var state = await session.Events.FetchStreamStateAsync(id, cancellation);
        var last = state is null ? null : await new LedgerEvents(session).AtVersionAsync(id, state.Version, cancellation);
        return last?.Data is InspectionPublished
            ? await LeafReceipt.AwaitAsync(store, last.Sequence, ReceiptWait, clock, cancellation)
            : null;
    }
}
