using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Publishing;

/// <summary>Publication freezes the ledger: after it, every write to the inspection is a 409.</summary>
public static class PublishInspectionEndpoint
{
    public sealed record Published(Guid Id, string State, DateTimeOffset? PublishedAt);

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
    public static Task<IResult> Post(Guid id, HttpContext http, IDocumentStore store, TimeProvider clock, CancellationToken cancellation) =>
        WritePipeline.RunAsync(
            new HeaderCommand(id, Decide, header => Results.Ok(new Published(header.Id, header.State, header.PublishedAt))),
            http, store, clock, cancellation);
}
