using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Yots;
using CaseLedger.Api.Timelines;
using CaseLedger.Api.Scoring;

using CaseLedger.Api.Scores;

namespace CaseLedger.Api.ThemeViews;

/// <summary>
/// The theme view: each YOT's latest score for one headline theme, and the lowest, highest and average across all
/// YOTs and per region — the table on the first pages of seed 002 ("Scores from Wales and the English regions
/// that have been inspected to date").
/// </summary>
public static class ThemeViewsEndpoint
{
    public sealed record ThemeSummary(string FrameworkId, string ThemeId, string Title);

    public sealed record ThemeView(
        string FrameworkId, string ThemeId, string Title, string AsOf, string? Region, Spread All,
        IReadOnlyList<RegionSpread> Regions, IReadOnlyList<YotThemeScore> Yots, RatingCounts? Ratings = null);

    /// <summary>A YOT's latest figure. For a rated standard, <see cref="Score"/> is the key question that set its
    /// rating (none for a standard rated from evidence), beside the <see cref="Rating"/> itself.</summary>
    public sealed record YotThemeScore(
        string Code, string Name, string Region, Guid InspectionId, string State, DateOnly? FieldworkStartsOn, ScopeScore? Score,
        StandardRating? Rating = null);

    /// <summary>For a rated standard: how many YOTs hold each rating, overall and per region, in the scale's order.</summary>
    public sealed record RatingCounts(IReadOnlyDictionary<string, int> All, IReadOnlyList<RegionRatings> Regions);

    public sealed record RegionRatings(string Region, IReadOnlyDictionary<string, int> Counts);

    public sealed record RegionSpread(string Region, Spread Spread);

    /// <summary>Over the YOTs whose latest inspection has a score for the theme. Average of their exact percentages.</summary>
    public sealed record Spread(int Yots, int? Lowest, int? Highest, decimal? Average, int? AverageScore);

    [Authorize(Roles = Roles.InspectionReaders + "," + Roles.ReportingClient)]
    [WolverineGet("/themes", OperationId = "ListThemes")]
    [Tags(Capability.Views)]
    [EndpointSummary("List themes")]
    [EndpointDescription("Each framework's scored headline themes (framework, theme id and title), the ones `GET /themes/{frameworkId}/{themeId}` reads.")]
    public static IReadOnlyList<ThemeSummary> List(FrameworkCatalog catalog) =>
    [
        .. catalog.All.GroupBy(framework => framework.Id).Select(versions => versions.Last())
            .SelectMany(framework => framework.Themes.Where(theme => theme.JudgedBy is null)
                .Select(theme => new ThemeSummary(framework.Id, theme.Id, theme.Title))
                .Concat(framework.Ratings?.Standards.Select(standard => new ThemeSummary(framework.Id, standard.Id, standard.Title)) ?? [])),
    ];

    [Authorize(Roles = Roles.InspectionReaders + "," + Roles.ReportingClient)]
    [WolverineGet("/themes/{frameworkId}/{themeId}", OperationId = "GetTheme")]
    [AnswersCsv]
    [Tags(Capability.Views)]
    [EndpointSummary("Read a theme's view")]
    [EndpointDescription("Each YOT's latest score on one theme, with the lowest, highest and average overall and per region; `?region=` narrows it, `?at=` gives it as it stood. JSON, or CSV with `Accept: text/csv`. 400 for a malformed moment or unknown region; 404 for an unknown framework or theme.")]
    [ProducesResponseType<ThemeView>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404)]
    public static async Task<IResult> Get(
        string frameworkId, string themeId, string? region, string? at, string? recordedAt, HttpContext http, IQuerySession session,
        ScoringSchemes schemes, FrameworkCatalog catalog, ThemeTimelineProjection projection, CancellationToken cancellation)
    {
        var (moment, invalid) = MomentQuery.Parse(at, recordedAt);
        if (invalid is not null) return invalid.ToResult();
        if (region is not null && !Regions.All.Contains(region))
            return Rejection.Invalid("region", $"'{region}' is not one of {string.Join(", ", Regions.All)}.").ToResult();
        var framework = catalog.Latest(frameworkId);
        var theme = framework?.Themes.FirstOrDefault(candidate => candidate.Id == themeId && candidate.JudgedBy is null);
        var standard = framework?.Ratings?.Standards.FirstOrDefault(candidate => candidate.Id == themeId);
        if (theme is null && standard is null) return Rejection.NotFound($"Framework '{frameworkId}' has no scored theme or rated standard '{themeId}'.").ToResult();
        var actor = Actor.From(http)!;

        // Each YOT's latest inspection the caller sees at that moment, from the theme's own entries.
        var entries = await ThemeEntries.LatestPerYotAsync(frameworkId, themeId, moment, projection, session, schemes, cancellation);
        var latest = entries.GroupBy(inspection => inspection.Yot.Code)
            .Select(yot => yot.OrderByDescending(inspection => inspection.Chronology)
                .FirstOrDefault(inspection => TimelineMoment<ThemeFigures>.Of(inspection, inspection.SightFor(actor), moment) is not TimelineMoment<ThemeFigures>.Hidden))
            .OfType<TimelineInspection<ThemeFigures>>();
        var seen = await TimelineRead<ThemeFigures>.SeenAsync(latest, actor, moment, then => ThemeFigures.Of(themeId, then), session, schemes, cancellation);
        var register = await YotRegister.LoadAsync(seen.Select(read => read.Inspection.Yot.Code), session, cancellation);
        var yots = new List<YotThemeScore>();
        foreach (var (inspection, state, figures) in seen)
        {
            var named = register.Name(inspection.Yot, moment.At);
            if (standard is not null && figures.Rating is { } rating)
                yots.Add(new YotThemeScore(named.Code, named.Name, named.Region, inspection.Id, state, inspection.FieldworkStartsOn, figures.RatingScore, rating));
            else if (figures.ThemeScore is { } score)
                yots.Add(new YotThemeScore(named.Code, named.Name, named.Region, inspection.Id, state, inspection.FieldworkStartsOn, score));
        }

        var all = yots.OrderBy(yot => yot.Region, StringComparer.Ordinal).ThenBy(yot => yot.Code, StringComparer.Ordinal).ToList();
        var shown = region is null ? all : all.Where(yot => yot.Region == region).ToList();
        var view = new ThemeView(frameworkId, themeId, theme?.Title ?? $"{standard!.Id} {standard.Title}", MomentQuery.Describe(moment), region, SpreadOf(shown),
            [.. shown.GroupBy(yot => yot.Region).Select(group => new RegionSpread(group.Key, SpreadOf([.. group])))], shown,
            standard is null ? null : CountsOf(framework!, shown));
        if (!Csv.Wanted(http)) return Results.Ok(view);

        // A rated standard's rows add its rating columns; a theme's stay as they always were.
        string[] ratingColumns = standard is null ? [] : ["rating", "derived_rating", "overridden"];
        return Csv.Write(Csv.FileName(frameworkId, themeId, region, MomentQuery.FileWord(moment)),
            ["yot_code", "yot_name", "region", "inspection_id", "state", .. ScoreRows.Header, .. ratingColumns],
            shown.Select(yot => (IReadOnlyList<object?>)
            [
                yot.Code, yot.Name, yot.Region, yot.InspectionId, yot.State, .. yot.Score is null ? new object?[ScoreRows.Header.Count] : ScoreRows.Of(yot.Score),
                .. standard is null ? [] : new object?[] { yot.Rating?.Rating, yot.Rating?.Derived, yot.Rating?.Overridden },
            ]));
    }

    private static RatingCounts CountsOf(Framework framework, IReadOnlyList<YotThemeScore> yots)
    {
        IReadOnlyDictionary<string, int> Count(IEnumerable<YotThemeScore> some) =>
            framework.Ratings!.Scale.ToDictionary(level => level.Id, level => some.Count(yot => yot.Rating?.Rating == level.Id));
        return new RatingCounts(Count(yots), [.. yots.GroupBy(yot => yot.Region).Select(group => new RegionRatings(group.Key, Count(group)))]);
    }

    private static Spread SpreadOf(IReadOnlyList<YotThemeScore> yots)
    {
        var scored = yots.Where(yot => yot.Score?.ExactPercentage is not null).ToList();
        if (scored.Count == 0) return new Spread(0, null, null, null, null);
        var average = scored.Average(yot => yot.Score!.ExactPercentage!.Value);
        return new Spread(scored.Count, scored.Min(yot => yot.Score!.Score), scored.Max(yot => yot.Score!.Score),
            decimal.Round(average, 2), (int)decimal.Floor(average + 0.5m));
    }
}
