using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Reading;

using CaseLedger.Api.Scores;

namespace CaseLedger.Api.Moderation;

/// <summary>
/// The moderation log for lead inspectors and auditors: each moderation (and each correction after publication,
/// its own kind) with before and after, who, when it happened and when it was recorded, why,
/// and what it did to every score and band it touched at that moment. <c>?by=</c> keeps one moderator's.
/// </summary>
public static class ModerationEndpoint
{
    public sealed record ModerationView(Guid InspectionId, long Version, IReadOnlyList<Moderation> Moderations);

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/moderation", OperationId = "GetModerationLog")]
    [AnswersCsv]
    [Tags(Capability.Moderation)]
    [EndpointSummary("Read the moderation log")]
    [EndpointDescription("Each moderation of the inspection, filtered by `?by=` user, with its impact at that moment on every score and band it touched. JSON, or CSV with `Accept: text/csv`. 404 outside reach.")]
    [ProducesResponseType<ModerationView>(200, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Get(
        Guid id, string? by, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var header = await session.LoadAsync<InspectionHeader>(id, cancellation);
        if ((header is null ? InspectionRules.NotFound(id) : InspectionRules.Reachable(header, Actor.From(http)!)) is { } hidden)
            return hidden.ToResult();

        var log = await ModerationLogProjection.CaughtUpAsync(id, session, schemes, cancellation);
        var moderations = log.Moderations.Where(moderation => by is null || moderation.By == by).ToList();
        if (!Csv.Wanted(http)) return Results.Ok(new ModerationView(id, log.Version, moderations));

        return Csv.Write(Csv.FileName(header!.Yot.Code, header.FrameworkId, "moderation", by),
            ["stream_version", "kind", "judgement_id", "case_reference", "question_id", "before", "after", "by", "occurred_at", "recorded_at", "week", "rationale",
             "scope_kind", "scope_id", "score_before", "score_after", "delta", "band_before", "band_after"],
            moderations.SelectMany(m => m.Impacts.Select(impact => (IReadOnlyList<object?>)
            [
                m.StreamVersion, m.Kind, m.JudgementId, m.CaseReference, m.QuestionId, Answers.Name(m.Before), Answers.Name(m.After), m.By, m.OccurredAt, m.RecordedAt,
                m.Week, m.Rationale, impact.Kind.ToString().ToLowerInvariant(), impact.Id, impact.ScoreBefore, impact.ScoreAfter,
                impact.Delta, impact.BandBefore, impact.BandAfter,
            ])));
    }
}
