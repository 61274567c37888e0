using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Scores;

/// <summary>The columns every scores CSV shares, so JSON and CSV say the same thing in the same words.</summary>
public static class ScoreRows
{
    public static readonly IReadOnlyList<string> Header =
    [
        "kind", "id", "title", "sufficient", "insufficient", "applicable", "not_applicable",
        "percentage", "score", "band", "interval_lower", "interval_upper",
    ];

    public static IReadOnlyList<object?> Of(ScopeScore score) =>
    [
        score.Kind.ToString().ToLowerInvariant(), score.Id, score.Title, score.Sufficient, score.Insufficient, score.Applicable,
        score.NotApplicable, score.ExactPercentage is { } exact ? decimal.Round(exact, 4) : null, score.Score, score.Band?.Label,
        score.Interval is { } interval ? Math.Round(interval.Lower, 2) : null, score.Interval is { } upper ? Math.Round(upper.Upper, 2) : null,
    ];
}
