using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scores;
using CaseLedger.Api.Scoring;
using CaseLedger.Api.Timelines;

namespace CaseLedger.Api.ThemeViews;

/// <summary>
/// One inspection's entry in one theme or rated standard of its framework, keyed
/// <c>{frameworkId}/{themeId}/{inspectionId}</c>: its opening and what it published for the theme. A document an
/// entry, not one holding the theme's every inspection, so a publication writes a small document for each theme and a
/// read chooses each YOT's latest at a moment in PostgreSQL from columns of their own (<see cref="ThemeEntries"/>):
/// one document per theme made every read and write of it grow with the ledger (issue 21).
/// </summary>
public sealed class ThemeTimeline : Timeline<ThemeFigures>
{
    public static string Key(string frameworkId, string themeId, Guid inspectionId) => $"{Theme(frameworkId, themeId)}/{inspectionId}";

    public static string Theme(string frameworkId, string themeId) => $"{frameworkId}/{themeId}";

    // The columns the read chooses by (ViewsConfiguration duplicates each), from the entry's one inspection.
    public string ThemeKey => Id[..Id.LastIndexOf('/')];
    public string? YotCode => Entry?.Yot.Code;
    public DateOnly? FieldworkOn => Entry?.Chronology.Item1;
    public DateTimeOffset? OpenedAt => Entry?.OpenedAt;
    public DateTimeOffset? OpenedRecordedAt => Entry?.OpenedRecordedAt;
    public DateTimeOffset? PublishedAt => Entry?.Publication?.OccurredAt;
    public DateTimeOffset? PublishedRecordedAt => Entry?.Publication?.RecordedAt;

    private TimelineInspection<ThemeFigures>? Entry => Inspections.Count == 0 ? null : Inspections[0];
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

/// <summary>The theme views' projection: an entry per inspection in each theme and rated standard of its framework
/// (issue 21). An inspection belongs to every theme any version of its framework has, as the view reads themes by id.</summary>
public sealed class ThemeTimelineProjection : TimelineProjection<ThemeTimeline, ThemeFigures>
{
    public const string ViewName = "theme-views";
    private readonly FrameworkCatalog catalog;

    public ThemeTimelineProjection(ScoringSchemes schemes, FrameworkCatalog catalog) : base(schemes, ViewName)
    {
        this.catalog = catalog;
    }

    public override IEnumerable<string> KeysOf(Guid inspectionId, string frameworkId, YotReference yot) =>
        catalog.All.Where(framework => framework.Id == frameworkId)
            .SelectMany(framework => framework.Themes.Where(theme => theme.JudgedBy is null).Select(theme => theme.Id)
                .Concat(framework.Ratings?.Standards.Select(standard => standard.Id) ?? []))
            .Distinct()
            .Select(themeId => ThemeTimeline.Key(frameworkId, themeId, inspectionId));

    protected override ThemeFigures FiguresOf(string key, InspectionAtMoment then) => ThemeFigures.Of(key.Split('/')[1], then);
}
