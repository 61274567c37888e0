using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scores;
using CaseLedger.Api.Scoring;
using CaseLedger.Api.Timelines;

namespace CaseLedger.Api.YotViews;

/// <summary>A YOT's inspections and the figures each published, keyed by the YOT's code.</summary>
public sealed class YotTimeline : Timeline<YotFigures>;

/// <summary>What a YOT's page of a report shows: headline themes and sections, without the criterion detail, and
/// ratings where the framework rates standards.</summary>
public sealed record YotFigures(IReadOnlyList<ScopeScore> Scores, RatingBoard? Ratings)
{
    public static YotFigures Of(InspectionAtMoment then) =>
        new([.. then.Scoreboard.Scores.Where(score => score.Kind is ScopeKind.Theme or ScopeKind.Section)], then.Ratings);
}

/// <summary>The YOT views' projection: one timeline per YOT (issue 21).</summary>
public sealed class YotTimelineProjection : TimelineProjection<YotTimeline, YotFigures>
{
    public const string ViewName = "yot-views";

    public YotTimelineProjection(ScoringSchemes schemes) : base(schemes, ViewName)
    {
    }

    public override IEnumerable<string> KeysOf(Guid inspectionId, string frameworkId, YotReference yot) => [yot.Code];

    protected override YotFigures FiguresOf(string key, InspectionAtMoment then) => YotFigures.Of(then);
}
