using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scores;
using CaseLedger.Api.Scoring;
using CaseLedger.Api.Timelines;

namespace CaseLedger.Api.ThemeViews;

/// <summary>Every inspection under a framework and what each published for one of its themes or rated standards,
/// keyed <c>{frameworkId}/{themeId}</c>.</summary>
public sealed class ThemeTimeline : Timeline<ThemeFigures>
{
    public static string Key(string frameworkId, string themeId) => $"{frameworkId}/{themeId}";
}

/// <summary>One inspection's figure for a theme: its score, or for a rated standard its rating and the key question
/// score that set it.</summary>
public sealed record ThemeFigures(ScopeScore? ThemeScore, StandardRating? Rating, ScopeScore? RatingScore)
{
    public static ThemeFigures Of(string themeId, InspectionAtMoment then)
    {
        var rating = then.Ratings?.Standards.FirstOrDefault(rated => rated.Id == themeId);
        return new ThemeFigures(
            then.Scoreboard.Scores.FirstOrDefault(score => score.Kind == ScopeKind.Theme && score.Id == themeId),
            rating,
            rating?.SetBy is { } setBy ? then.Scoreboard.Get(ScopeKind.KeyQuestion, setBy) : null);
    }
}

/// <summary>The theme views' projection: one timeline per theme and rated standard of every framework (issue 21). An
/// inspection belongs to every theme any version of its framework has, as the view reads themes by id.</summary>
public sealed class ThemeTimelineProjection : TimelineProjection<ThemeTimeline, ThemeFigures>
{
    public const string ViewName = "theme-views";
    private readonly FrameworkCatalog catalog;

    public ThemeTimelineProjection(ScoringSchemes schemes, FrameworkCatalog catalog) : base(schemes, ViewName)
    {
        this.catalog = catalog;
    }

    public override IEnumerable<string> KeysOf(string frameworkId, YotReference yot) =>
        catalog.All.Where(framework => framework.Id == frameworkId)
            .SelectMany(framework => framework.Themes.Where(theme => theme.JudgedBy is null).Select(theme => theme.Id)
                .Concat(framework.Ratings?.Standards.Select(standard => standard.Id) ?? []))
            .Distinct()
            .Select(themeId => ThemeTimeline.Key(frameworkId, themeId));

    protected override ThemeFigures FiguresOf(string key, InspectionAtMoment then) => ThemeFigures.Of(key[(key.IndexOf('/') + 1)..], then);
}
