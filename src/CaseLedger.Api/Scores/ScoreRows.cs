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

    /// <summary>The columns a rated framework's scores add: blank on a score's row, filled on a standard's.</summary>
    public static readonly IReadOnlyList<string> RatingHeader = [.. Header, "rating", "derived_rating", "overridden", "points"];

    public static IReadOnlyList<object?> Of(ScopeScore score) =>
    [
        score.Kind.ToString().ToLowerInvariant(), score.Id, score.Title, score.Sufficient, score.Insufficient, score.Applicable,
        score.NotApplicable, score.ExactPercentage is { } exact ? decimal.Round(exact, 4) : null, score.Score, score.Band?.Label,
        score.Interval is { } interval ? Math.Round(interval.Lower, 2) : null, score.Interval is { } upper ? Math.Round(upper.Upper, 2) : null,
    ];

    /// <summary>
    /// A rated framework's ratings, after its scores: a row per standard (kind <c>standard</c>, with the lowest key
    /// question's figures), and one for the overall rating (kind <c>overall</c>, its points in <c>points</c>). A
    /// spreadsheet filters them by kind, as it does criteria and themes.
    /// </summary>
    public static IEnumerable<IReadOnlyList<object?>> Of(RatingBoard ratings)
    {
        foreach (var standard in ratings.Standards)
        {
            var setBy = standard.KeyQuestions.FirstOrDefault(key => key.QuestionId == standard.SetBy);
            yield return
            [
                "standard", standard.Id, standard.Title, setBy?.Sufficient, setBy?.Insufficient, setBy is null ? null : setBy.Sufficient + setBy.Insufficient,
                null, setBy?.ExactPercentage is { } exact ? decimal.Round(exact, 4) : null, setBy?.Score, null,
                setBy?.Interval is { } interval ? Math.Round(interval.Lower, 2) : null, setBy?.Interval is { } upper ? Math.Round(upper.Upper, 2) : null,
                standard.Rating, standard.Derived, standard.Overridden, standard.Points,
            ];
        }
        if (ratings.Overall is not { } overall) yield break;
        yield return
        [
            "overall", "overall", "Overall rating", null, null, null, null, null, null, null, null, null,
            overall.Rating, null, null, overall.Points,
        ];
    }
}
