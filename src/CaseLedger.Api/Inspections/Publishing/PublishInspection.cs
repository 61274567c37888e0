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

    /// <summary>
    /// Pure. A stated publication time comes after everything the ledger holds (<paramref name="latest"/>, the
    /// latest valid time of its events): what was published at a moment is the whole record as of that moment.
    /// </summary>
    public static Decision<InspectionHeader> Decide(
        InspectionHeader header, Actor actor, WriteClock clock, string? occurredAt = null, DateTimeOffset? latest = null)
    {
        if ((InspectionRules.LeadOnly(header, actor, "publish it") ?? InspectionRules.Writable(header)) is { } refused)
            return refused;
        if (header.OpenWeek is { } open)
            return Rejection.Conflict($"Week {open} is still open; close it before publishing.");
        var errors = new FieldErrors();
        var at = ValidTimes.Parse(errors, ValidTimes.Field, occurredAt);
        var range = ValidTimes.ForHeader(header, clock);
        if (latest is { } last) range = range.NotBefore(last, "the latest event in the ledger");
        ValidTimes.Check(errors, ValidTimes.Field, at, range);
        if (errors.ToRejection() is { } invalid) return invalid;
        return HeaderCommand.Evolve(header, clock, at, new InspectionPublished(header.Id));
    }

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/publish", OperationId = "PublishInspection")]
    [Tags(Capability.Inspections)]
    [EndpointSummary("Publish an inspection")]
    [EndpointDescription("The lead publishes the inspection once no week is open: its ledger closes to writes and its scores become the published record others may read. Returns the state and the ledger receipt. 404 outside reach; 409 while a week is open or when already published.")]
    [ProducesResponseType<Published>(200, "application/json")]
    [Consumes(typeof(StatedTime), "application/json", IsOptional = true)]
    [ProblemResponses(400, 401, 403, 404, 409, 415)]
    public static async Task<IResult> Post(
        Guid id, HttpContext http, IDocumentStore store, LedgerSessions ledger, TimeProvider clock, LedgerSealing sealing, CancellationToken cancellation)
    {
        var (body, unreadable) = await StatedTime.ReadAsync(http, cancellation);
        if (unreadable is not null) return unreadable.ToResult();
        var answer = await WritePipeline.RunAsync(new Publishing(id, body?.OccurredAt), http, ledger, clock, cancellation);
        if (answer is not Ok<Published> { Value: { } published } || !sealing.Enabled) return answer;
        return Results.Ok(published with { Ledger = await ReceiptAsync(id, store, clock, cancellation) });
    }

    /// <summary>Reads the header, and when a time is stated the latest valid time in the ledger to check it against.</summary>
    private sealed record Publishing(Guid InspectionId, string? OccurredAt) : IInspectionCommand<InspectionHeader>
    {
        public async Task<Decision<InspectionHeader>> DecideAsync(IQuerySession session, Actor actor, WriteClock clock, CancellationToken cancellation)
        {
            if (await session.LoadAsync<InspectionHeader>(InspectionId, cancellation) is not { } header) return InspectionRules.NotFound(InspectionId);
            var latest = OccurredAt is null ? null : await new LedgerEvents(session).LatestOccurredAtAsync(InspectionId, cancellation);
            return Decide(header, actor, clock, OccurredAt, latest);
        }

        public IResult Respond(InspectionHeader header) => Results.Ok(new Published(header.Id, header.State, header.PublishedAt, null));
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
