using CaseLedger.Api.Scoring;
using CaseLedger.Api.Scores;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>A scope's score as the inspectors left it, with no moderation, beside the score with QA's moderations:
/// the published figure once the inspection is published, the current one until then.</summary>
public sealed record QaEffect(ScopeKind Kind, string Id, string Title, ScoreFigure WithoutModeration, ScoreFigure WithModeration)
{
    public int? Delta => WithModeration.Score - WithoutModeration.Score;

    public bool BandChanged => WithModeration.Band != WithoutModeration.Band;

    /// <summary>Every scope of the inspection, from the record's two tallies.</summary>
    public static IReadOnlyList<QaEffect> Of(QaRecord record, ScoringSchemes schemes)
    {
        var scheme = schemes.For(record.FrameworkId, record.FrameworkVersion);
        var without = ScoreTally.FromCounts(scheme, record.InspectorCounts);
        var with = ScoreTally.FromCounts(scheme, record.Counts);
        return [.. scheme.Scopes.Select(scope => new QaEffect(
            scope.Kind, scope.Id, scope.Title, ScoreFigure.Of(without.ScoreOf(scope)), ScoreFigure.Of(with.ScoreOf(scope))))];
    }
}

public sealed record ScoreFigure(int? Score, decimal? ExactPercentage, string? Band, int Sufficient, int Insufficient, int NotApplicable)
{
    public static ScoreFigure Of(ScopeScore score) =>
        new(score.Score, score.ExactPercentage, score.Band?.Label, score.Sufficient, score.Insufficient, score.NotApplicable);
}
