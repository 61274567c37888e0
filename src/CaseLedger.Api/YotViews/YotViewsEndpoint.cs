using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Yots;
using CaseLedger.Api.Scoring;

using CaseLedger.Api.Scores;
using CaseLedger.Api.Timelines;

namespace CaseLedger.Api.YotViews;

/// <summary>
/// The YOT view: each of a YOT's inspections with framework, dates, state, headline and section scores and bands,
/// ratings where its framework rates standards, and what changed since that YOT's previous inspection under the same framework. Composed on read from the
/// YOT's own timeline (<see cref="YotTimeline"/>), caught up with the ledger, so it is current and costs the same however large the ledger grows.
/// </summary>
public static class YotViewsEndpoint
{
    public sealed record YotSummary(string Code, string Name, string Region, int Inspections, Guid LatestInspectionId, string LatestState);

    public sealed record YotView(string Code, string Name, string Region, string AsOf, IReadOnlyList<YotInspection> Inspections);

    public sealed record YotInspection(
        Guid Id, string FrameworkId, int FrameworkVersion, string Title, DateOnly? FieldworkStartsOn, DateTimeOffset OpenedAt,
        DateTimeOffset OpenedRecordedAt, DateTimeOffset? PublishedAt, DateTimeOffset? PublishedRecordedAt, string State,
        IReadOnlyList<ScopeScore> Scores, RatingBoard? Ratings, ChangeSincePrevious? ChangeSincePrevious);

    /// <summary>What changed since the YOT's previous inspection under the same framework: each score, and where both
    /// inspections are rated, each standard's rating and the overall one.</summary>
    public sealed record ChangeSincePrevious(Guid PreviousInspectionId, IReadOnlyList<ScoreChange> Changes, IReadOnlyList<RatingChange>? RatingChanges);

    public sealed record ScoreChange(ScopeKind Kind, string Id, int? Before, int? After, int? Delta, string? BandBefore, string? BandAfter);

    /// <summary>A standard's rating (or, with id <c>overall</c>, the overall rating) then and now, and the points it moved.</summary>
    public sealed record RatingChange(string StandardId, string? Before, string? After, int? PointsDelta);

    [Authorize(Roles = Roles.InspectionReaders + "," + Roles.ReportingClient)]
    [WolverineGet("/yots", OperationId = "ListYots")]
    [Tags(Capability.Views)]
    [EndpointSummary("List YOTs")]
    [EndpointDescription("Each YOT with inspections the caller may see: its name and region from the register, how many inspections, and the latest one.")]
    [ProducesResponseType<IReadOnlyList<YotSummary>>(200, "application/json")]
    [ProblemResponses(401, 403)]
    public static async Task<IResult> List(HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var actor = Actor.From(http)!;
        var ids = await session.Query<InspectionHeader>().Select(header => header.Id).ToListAsync(cancellation);
        var visible = (await CaughtUp.ScoresAsync(ids, session, schemes, cancellation)).Where(scores => actor.SightOf(scores) != Sight.None).ToList();
        var register = await YotRegister.LoadAsync(visible.Select(scores => scores.Yot.Code), session, cancellation);
        return Results.Ok(visible.GroupBy(scores => scores.Yot.Code).OrderBy(yot => yot.Key, StringComparer.Ordinal).Select(yot =>
        {
            var latest = yot.OrderBy(Chronology).Last();
            var named = register.Name(latest.Yot, at: null);
            return new YotSummary(yot.Key, named.Name, named.Region, yot.Count(), latest.Id, latest.State);
        }));
    }

    [Authorize(Roles = Roles.InspectionReaders + "," + Roles.ReportingClient)]
    [WolverineGet("/yots/{code}", OperationId = "GetYot")]
    [AnswersCsv]
    [Tags(Capability.Views)]
    [EndpointSummary("Read a YOT's view")]
    [EndpointDescription("A YOT's inspections with framework, dates, state, headline and section scores and bands, and the change since its previous inspection, now or as at `?at=` (names as the register held them then). JSON, or CSV with `Accept: text/csv`. Those off the team see published inspections only. 400 for a malformed moment; 404 for a YOT with nothing the caller may see.")]
    [ProducesResponseType<YotView>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404)]
    public static async Task<IResult> Get(
        string code, string? at, string? recordedAt, HttpContext http, IQuerySession session, ScoringSchemes schemes, YotTimelineProjection projection,
        CancellationToken cancellation)
    {
        var (moment, invalid) = MomentQuery.Parse(at, recordedAt);
        if (invalid is not null) return invalid.ToResult();
        var actor = Actor.From(http)!;

        var timeline = await TimelineReads.CaughtUpAsync(code, projection, session, schemes, cancellation);
        var inspections = await TimelineRead<YotFigures>.SeenAsync(
            (timeline?.Inspections ?? []).OrderBy(inspection => inspection.Chronology), actor, moment, YotFigures.Of, session, schemes, cancellation);
        if (inspections.Count == 0)
            return Rejection.NotFound($"No inspection of YOT '{code}' is within your reach{(moment.IsNow ? "" : " at that moment")}.").ToResult();

        var rows = inspections.Select((then, i) => Row(then, inspections.Take(i).LastOrDefault(earlier => earlier.Inspection.FrameworkId == then.Inspection.FrameworkId))).ToList();
        var yot = (await YotRegister.LoadAsync([code], session, cancellation)).Name(inspections[^1].Inspection.Yot, moment.At);
        if (!Csv.Wanted(http)) return Results.Ok(new YotView(yot.Code, yot.Name, yot.Region, MomentQuery.Describe(moment), rows));

        // Rated inspections add a row per standard and one overall, with the rating columns; the change is in points.
        var rated = rows.Any(row => row.Ratings is not null);
        return Csv.Write(Csv.FileName(code, "inspections", MomentQuery.FileWord(moment)),
            ["inspection_id", "framework_id", "state", "fieldwork_starts_on", .. rated ? ScoreRows.RatingHeader : ScoreRows.Header, "change_since_previous"],
            rows.SelectMany(row => row.Scores.Select(score => (IReadOnlyList<object?>)
            [
                row.Id, row.FrameworkId, row.State, row.FieldworkStartsOn?.ToString("yyyy-MM-dd"), .. ScoreRows.Of(score),
                .. rated ? new object?[4] : [],
                row.ChangeSincePrevious?.Changes.FirstOrDefault(change => change.Kind == score.Kind && change.Id == score.Id)?.Delta,
            ]).Concat(row.Ratings is null ? [] : ScoreRows.Of(row.Ratings).Select(cells => (IReadOnlyList<object?>)
            [
                row.Id, row.FrameworkId, row.State, row.FieldworkStartsOn?.ToString("yyyy-MM-dd"), .. cells,
                row.ChangeSincePrevious?.RatingChanges?.FirstOrDefault(change => change.StandardId == (string?)cells[1])?.PointsDelta,
            ]))));
    }

    /// <summary>Headline themes and sections: what a YOT's page of a report shows, without the criterion detail.</summary>
    private static YotInspection Row(TimelineRead<YotFigures> then, TimelineRead<YotFigures>? previous)
    {
        var shown = then.Figures.Scores;
        ChangeSincePrevious? change = null;
        if (previous is not null)
            change = new ChangeSincePrevious(previous.Inspection.Id, [.. shown.Select(score =>
            {
                var before = previous.Figures.Scores.FirstOrDefault(old => old.Kind == score.Kind && old.Id == score.Id);
                return new ScoreChange(score.Kind, score.Id, before?.Score, score.Score, score.Score - before?.Score, before?.Band?.Label, score.Band?.Label);
            })], RatingChanges(previous.Figures.Ratings, then.Figures.Ratings));
        var inspection = then.Inspection;
        var publication = then.State == InspectionStates.Published ? inspection.Publication : null;
        return new YotInspection(inspection.Id, inspection.FrameworkId, inspection.FrameworkVersion, inspection.Title,
            inspection.FieldworkStartsOn, inspection.OpenedAt, inspection.OpenedRecordedAt,
            publication?.OccurredAt, publication?.RecordedAt, then.State, shown, then.Figures.Ratings, change);
    }

    private static IReadOnlyList<RatingChange>? RatingChanges(RatingBoard? before, RatingBoard? after) =>
        before is null || after is null ? null :
        [
            .. after.Standards.Select(standard =>
            {
                var then = before.Standards.FirstOrDefault(old => old.Id == standard.Id);
                return new RatingChange(standard.Id, then?.Rating, standard.Rating, standard.Points - then?.Points);
            }),
            .. before.Overall is { } then && after.Overall is { } now
                ? new[] { new RatingChange("overall", then.Rating, now.Rating, now.Points - then.Points) }
                : [],
        ];

    /// <summary>Fieldwork, then the opening's valid time; inspections stated to open at the same moment fall back on
    /// when the ledger recorded them, then the id, so "latest" is the same live and after a rebuild.</summary>
    public static (DateOnly, DateTimeOffset, DateTimeOffset, Guid) Chronology(InspectionScores scores) =>
        (scores.FieldworkStartsOn ?? DateOnly.FromDateTime(scores.OpenedAt.UtcDateTime), scores.OpenedAt, scores.OpenedRecordedAt, scores.Id);
}
