using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Scoring;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseLedger.Api.Scores.History;

/// <summary>
/// How findings evolved between two points: every score that moved, and every judgement that changed with each
/// change in between. A judgement changed and changed back is listed; the score it touched did not move.
/// </summary>
public static class HistoryEndpoint
{
    public sealed record HistoryView(
        Guid InspectionId, ResolvedPoint From, ResolvedPoint To, IReadOnlyList<MovedScore> MovedScores,
        IReadOnlyList<ChangedJudgement> ChangedJudgements);

    public sealed record MovedScore(
        ScopeKind Kind, string Id, string Title, ScoreAt Before, ScoreAt After, int? Delta, string? BandBefore, string? BandAfter);

    public sealed record ScoreAt(int? Score, decimal? Exact, int Sufficient, int Insufficient, int NotApplicable)
    {
        public static ScoreAt Of(ScopeScore score) =>
            new(score.Score, score.ExactPercentage, score.Sufficient, score.Insufficient, score.NotApplicable);
    }

    public sealed record ChangedJudgement(
        Guid JudgementId, Guid CaseId, string CaseReference, string QuestionId, Answer? Before, Answer After,
        IReadOnlyList<JudgementChange> Changes);

    public sealed record JudgementChange(
        long StreamVersion, string Kind, int JudgementVersion, Answer? Previous, Answer Answer, IReadOnlyList<string> Reasons,
        string? Note, string? Rationale, string? By, string? Role, DateTimeOffset At, int? Week, string? CorrelationId);

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/history", OperationId = "GetHistory")]
    [ProducesResponseType<HistoryView>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static async Task<IResult> Get(
        Guid id, string? from, string? to, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var fromPoint = from is null ? null : PointInTime.Parse(from);
        var toPoint = to is null ? null : PointInTime.Parse(to);
        var errors = new FieldErrors();
        if (from is not null && fromPoint is null) errors.Add("from", $"'{from}' is not a point in time. Use {PointInTime.Forms}.");
        if (to is not null && toPoint is null) errors.Add("to", $"'{to}' is not a point in time. Use {PointInTime.Forms}.");
        if (errors.ToRejection() is { } invalid) return invalid.ToResult();
        var (scores, sight, missing) = await ScoresAccess.LoadAsync(id, Actor.From(http)!, session, schemes, cancellation);
        if (sight != Sight.Whole) return (missing ?? InspectionRules.NotFound(id)).ToResult();
        var streamVersion = scores!.Version;
        var reader = new LedgerReader(session, schemes);

        var start = new ResolvedPoint("start", 0, scores.OpenedAt);
        if (fromPoint is not null)
        {
            var (resolved, rejection) = await reader.ResolveAsync(scores, streamVersion, fromPoint, cancellation);
            if (rejection is not null) return (rejection with { Errors = Rename(rejection.Errors, "from") }).ToResult();
            start = resolved!;
        }
        var end = new ResolvedPoint("now", streamVersion, null);
        if (toPoint is not null)
        {
            var (resolved, rejection) = await reader.ResolveAsync(scores, streamVersion, toPoint, cancellation);
            if (rejection is not null) return (rejection with { Errors = Rename(rejection.Errors, "to") }).ToResult();
            end = resolved!;
        }
        if (start.Version > end.Version)
            return Rejection.Invalid("from", $"'{start.Point}' (version {start.Version}) is later than '{end.Point}' (version {end.Version}).").ToResult();

        var before = (await reader.TallyAtAsync(scores, start.Version, cancellation)).Scoreboard();
        var after = (await reader.TallyAtAsync(scores, end.Version, cancellation)).Scoreboard();
        var moved = before.Scores.Zip(after.Scores)
            .Where(pair => pair.First.ExactPercentage != pair.Second.ExactPercentage)
            .Select(pair => new MovedScore(pair.Second.Kind, pair.Second.Id, pair.Second.Title, ScoreAt.Of(pair.First), ScoreAt.Of(pair.Second),
                pair.Second.Score - pair.First.Score, pair.First.Band?.Label, pair.Second.Band?.Label))
            .ToList();

        var header = await session.LoadAsync<InspectionHeader>(id, cancellation);
        var events = await reader.EventsBetweenAsync(id, start.Version, end.Version, cancellation);
        return Results.Ok(new HistoryView(id, start, end, moved, ChangedJudgements(events, header!)));
    }

    private static List<ChangedJudgement> ChangedJudgements(IReadOnlyList<IEvent> events, InspectionHeader header) =>
        [.. events.Select(e => (Event: e, Change: ChangeOf(e))).Where(pair => pair.Change is not null)
            .GroupBy(pair => pair.Change!.Value.JudgementId)
            .Select(group =>
            {
                var changes = group.Select(pair => pair.Change!.Value).ToList();
                var first = changes[0];
                return new ChangedJudgement(group.Key, first.CaseId, header.FindCase(first.CaseId)?.Reference ?? "", first.QuestionId,
                    first.Change.Previous, changes[^1].Change.Answer, [.. changes.Select(change => change.Change)]);
            })];

    private static (Guid JudgementId, Guid CaseId, string QuestionId, JudgementChange Change)? ChangeOf(IEvent e) =>
        e.Data is IJudgementChange change
            ? (change.JudgementId, change.CaseId, change.QuestionId, new JudgementChange(
                e.Version, KindOf(change), change.Version, change.Previous, change.Answer, change.Reasons,
                (change as JudgementRecorded)?.Note ?? (change as JudgementRevised)?.Note, (change as JudgementModerated)?.Rationale,
                e.UserName, EventMetadata.Role(e), e.Timestamp, EventMetadata.Week(e), e.CorrelationId))
            : null;

    private static string KindOf(IJudgementChange change) => change switch
    {
        JudgementRevised => "revised",
        JudgementModerated => "moderated",
        _ => "recorded",
    };

    private static IDictionary<string, string[]>? Rename(IDictionary<string, string[]>? errors, string field) =>
        errors?.ToDictionary(pair => pair.Key == "at" ? field : pair.Key, pair => pair.Value);
}
