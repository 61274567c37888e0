using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.QualityAssurance;

namespace CaseLedger.Api.History;

/// <summary>
/// Every change to one judgement, read from the ledger itself (not from the current-judgement document): kind,
/// answer, reasons, note or rationale, who in which role, when it happened and when it was recorded, in which week
/// and request.
/// </summary>
public static class JudgementHistory
{
    public sealed record Change(
        long StreamVersion, string Kind, int Version, string Answer, IReadOnlyList<string> Reasons, string? Note,
        string? Rationale, string? By, string? Role, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, int? Week, string? CorrelationId);

    /// <summary>QA agreed with the judgement at <see cref="Version"/>: not a change, so listed apart from them.</summary>
    public sealed record Confirmation(
        long StreamVersion, int Version, Guid SampleId, string? Note, string? By, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt);

    public sealed record HistoryOfJudgement(Guid JudgementId, Guid InspectionId, IReadOnlyList<Change> Changes, IReadOnlyList<Confirmation> Confirmations);

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/judgements/{judgementId}/history", OperationId = "GetJudgementHistory")]
    [Tags(Capability.History)]
    [EndpointSummary("Read one judgement's history")]
    [EndpointDescription("Every change to one judgement: kind, answer, reasons, who, in which role, when it happened and when it was recorded, and in which week; and apart from them, each QA confirmation of it. 404 when it does not exist or is outside reach.")]
    [ProducesResponseType<HistoryOfJudgement>(200, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Get(Guid id, Guid judgementId, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (await InspectionReach.CheckAsync(id, http, session, cancellation) is { } hidden) return hidden.ToResult();
        var judgement = await session.LoadAsync<CurrentJudgement>(judgementId, cancellation);
        if (judgement is null || judgement.InspectionId != id)
            return Rejection.NotFound($"Judgement {judgementId} is not in inspection {id}.").ToResult();

        var events = await new LedgerEvents(session).StreamAsync(id, cancellation: cancellation);
        var changes = events.Select(LedgerChange.Of).OfType<LedgerChange>()
            .Where(change => change.Change.JudgementId == judgementId)
            .Select(change => new Change(
                change.Event.Version, change.Kind, change.Change.Version, Answers.Name(change.Change.Answer), change.Change.Reasons,
                change.Note, change.Rationale, change.Event.UserName, change.Role, change.OccurredAt, change.Event.Timestamp, change.Week,
                change.Event.CorrelationId))
            .ToList();
        var confirmations = events.Where(e => e.Data is JudgementConfirmed confirmed && confirmed.JudgementId == judgementId)
            .Select(e => (e, confirmed: (JudgementConfirmed)e.Data))
            .Select(entry => new Confirmation(entry.e.Version, entry.confirmed.Version, entry.confirmed.SampleId, entry.confirmed.Note,
                entry.e.UserName, EventMetadata.OccurredAt(entry.e), entry.e.Timestamp))
            .ToList();
        return Results.Ok(new HistoryOfJudgement(judgementId, id, changes, confirmations));
    }
}
