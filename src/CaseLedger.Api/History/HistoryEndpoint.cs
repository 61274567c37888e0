using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.History.Changes;
using CaseLedger.Api.Scoring;

using CaseLedger.Api.Scores;

namespace CaseLedger.Api.History;

/// <summary>
/// How findings evolved between two points: every score that moved, and every judgement that changed with each
/// change in between. A judgement changed and changed back is listed; the score it touched did not move. Either
/// point may be in valid time (a timestamp) or recorded time (<c>recorded:TIMESTAMP</c>): the changes listed are
/// those <c>to</c> takes in and <c>from</c> does not, so a judgement backdated into the span shows up in it.
/// </summary>
public static class HistoryEndpoint
{
    public sealed record HistoryView(
        Guid InspectionId, ResolvedPoint From, ResolvedPoint To, IReadOnlyList<MovedScore> MovedScores,
        IReadOnlyList<ChangedJudgement> ChangedJudgements, IReadOnlyList<MovedRating>? MovedRatings = null);

    /// <summary>A standard whose rating (or derived rating) differs between the two points; id <c>overall</c> for the
    /// overall rating. Null for a framework that rates nothing.</summary>
    public sealed record MovedRating(string StandardId, string Title, string? Before, string? After, string? DerivedBefore, string? DerivedAfter, bool OverriddenAfter);

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
        string? Note, string? Rationale, string? By, string? Role, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, int? Week,
        string? CorrelationId)
    {
        public static JudgementChange Of(LedgerChange change) => new(
            change.Event.Version, change.Kind, change.Change.Version, change.Change.Previous, change.Change.Answer, change.Change.Reasons,
            change.Note, change.Rationale, change.Event.UserName, change.Role, change.OccurredAt, change.Event.Timestamp, change.Week,
            change.Event.CorrelationId);
    }

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/history", OperationId = "GetHistory")]
    [Tags(Capability.History)]
    [EndpointSummary("Compare two points in time")]
    [EndpointDescription("Between `from` and `to`: every score that moved (before, after, delta, band before and after) and every judgement that changed, with each change's kind, who, when, week and reason. 400 for a malformed point; 404 outside reach; 409 when a point names nothing yet (`published` before publication).")]
    [ProducesResponseType<HistoryView>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404, 409)]
    public static async Task<IResult> Get(
        Guid id, string? from, string? to, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var fromPoint = PointQuery.Point(errors, "from", from);
        var toPoint = PointQuery.Point(errors, "to", to);
        if (errors.ToRejection() is { } invalid) return invalid.ToResult();
        var (scores, sight, missing) = await ScoresAccess.LoadAsync(id, Actor.From(http)!, session, schemes, cancellation);
        if (sight != Sight.Whole) return (missing ?? InspectionRules.NotFound(id)).ToResult();
        var streamVersion = scores!.Version;
        var reader = new PointReader(session, schemes);

        var start = new ResolvedPoint("start", 0, scores.OpenedAt, scores.OpenedRecordedAt);
        if (fromPoint is not null)
        {
            var (resolved, rejection) = await reader.ResolveAsync(scores, streamVersion, fromPoint, field: "from", cancellation: cancellation);
            if (rejection is not null) return rejection.ToResult();
            start = resolved!;
        }
        var end = new ResolvedPoint("now", streamVersion, null);
        if (toPoint is not null)
        {
            var (resolved, rejection) = await reader.ResolveAsync(scores, streamVersion, toPoint, field: "to", cancellation: cancellation);
            if (rejection is not null) return rejection.ToResult();
            end = resolved!;
        }
        if (start.IsPrefix && end.IsPrefix && start.Version > end.Version)
            return Rejection.Invalid("from", $"'{start.Point}' (version {start.Version}) is later than '{end.Point}' (version {end.Version}). {PointReader.Accepted}").ToResult();

        var before = (await reader.TallyAtAsync(scores, start, cancellation)).Scoreboard();
        var after = (await reader.TallyAtAsync(scores, end, cancellation)).Scoreboard();
        var moved = before.Scores.Zip(after.Scores)
            .Where(pair => pair.First.ExactPercentage != pair.Second.ExactPercentage)
            .Select(pair => new MovedScore(pair.Second.Kind, pair.Second.Id, pair.Second.Title, ScoreAt.Of(pair.First), ScoreAt.Of(pair.Second),
                pair.Second.Score - pair.First.Score, pair.First.Band?.Label, pair.Second.Band?.Label))
            .ToList();

        var header = await session.LoadAsync<InspectionHeader>(id, cancellation);
        var (afterVersion, toVersion) = PointReader.Between(scores, start, end);
        var changes = await ChangeRows.WindowAsync(session, id, afterVersion, toVersion, cancellation);
        // The changes' JSON is written out with the answer, after this returns: their buffers go back when the request ends.
        http.Response.RegisterForDispose(changes);
        return Results.Json(new HistoryView(id, start, end, moved, ChangedJudgements(changes.Where(change => change.IsBetween(start, end)), header!),
            MovedRatings(schemes.Framework(scores.FrameworkId, scores.FrameworkVersion), scores, before, start, after, end)), RenderedChanges.Json);
    }

    private static List<MovedRating>? MovedRatings(
        Frameworks.Framework framework, InspectionScores scores, Scoreboard before, ResolvedPoint start, Scoreboard after, ResolvedPoint end)
    {
        RatingBoard? Rate(Scoreboard board, ResolvedPoint point)
        {
            var (evidence, overrides) = RatingEntries.At(scores.Ratings, point);
            return Rater.Rate(framework, board, evidence, overrides);
        }
        if (Rate(before, start) is not { } then || Rate(after, end) is not { } now) return null;
        return
        [
            .. now.Standards.Zip(then.Standards)
                .Where(pair => pair.First.Rating != pair.Second.Rating || pair.First.Derived != pair.Second.Derived)
                .Select(pair => new MovedRating(pair.First.Id, pair.First.Title, pair.Second.Rating, pair.First.Rating, pair.Second.Derived, pair.First.Derived, pair.First.Overridden)),
            .. then.Overall?.Rating == now.Overall?.Rating && then.Overall?.Points == now.Overall?.Points ? [] :
                new[] { new MovedRating("overall", "Overall rating", then.Overall?.Rating, now.Overall?.Rating, null, null, false) },
        ];
    }

    /// <summary>The changes grouped by judgement, each judgement where its first change falls.</summary>
    private static List<ChangedJudgement> ChangedJudgements(IEnumerable<RenderedChange> changes, InspectionHeader header)
    {
        var references = header.Sample.ToDictionary(@case => @case.Id, @case => @case.Reference);
        // Numbered by where each judgement first appears, then laid out group by group in one array (a counting sort,
        // which keeps each judgement's changes in version order): a group is a segment of it, where a list of its
        // own for each of 5,600 judgements, and what copied it, were a third of what a week's read allocated.
        var between = changes.ToList();
        var groupOf = new Dictionary<Guid, int>(between.Count);
        var sizes = new List<int>();
        var groups = new int[between.Count];
        for (var i = 0; i < between.Count; i++)
        {
            if (!groupOf.TryGetValue(between[i].JudgementId, out var group))
            {
                groupOf[between[i].JudgementId] = group = sizes.Count;
                sizes.Add(0);
            }
            groups[i] = group;
            sizes[group]++;
        }
        var starts = new int[sizes.Count + 1];
        for (var group = 0; group < sizes.Count; group++) starts[group + 1] = starts[group] + sizes[group];
        var next = starts[..^1];
        var laidOut = new RenderedChange[between.Count];
        for (var i = 0; i < between.Count; i++) laidOut[next[groups[i]]++] = between[i];
        var judgements = new List<ChangedJudgement>(sizes.Count);
        for (var group = 0; group < sizes.Count; group++)
        {
            var segment = new ArraySegment<RenderedChange>(laidOut, starts[group], sizes[group]);
            var (first, last) = (segment[0], segment[^1]);
            judgements.Add(new ChangedJudgement(first.JudgementId, first.CaseId, references.GetValueOrDefault(first.CaseId, ""),
                first.QuestionId, first.Previous, last.Answer, new RenderedChanges(segment)));
        }
        return judgements;
    }
}
