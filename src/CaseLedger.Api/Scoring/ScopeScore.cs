using CaseLedger.Api.Frameworks;

namespace CaseLedger.Api.Scoring;

/// <summary>
/// One scope's score with the counts behind it. <see cref="Score"/> is the published whole-number percentage,
/// <see cref="Band"/> the framework's comment for it; both, with the exact percentage and the interval, are null
/// when the scope has no applicable answer (no score is not a score of 0%).
/// </summary>
public sealed record ScopeScore(
    ScopeKind Kind,
    string Id,
    string Title,
    int Sufficient,
    int Insufficient,
    int NotApplicable,
    decimal? ExactPercentage,
    int? Score,
    Band? Band,
    WilsonInterval? Interval)
{
    public int Applicable => Sufficient + Insufficient;

    /// <summary>The figure as published, where a correction after publication has moved this one (DESIGN §11);
    /// null where the figure is as published, or the inspection is not published.</summary>
    public PublishedFigure? Published { get; init; }

    public bool Corrected => Published is not null;

    [System.Text.Json.Serialization.JsonIgnore]
    public ScopeCounts Counts => new(Sufficient, Insufficient, NotApplicable);
}

/// <summary>A scope's figure as it was published, shown beside a corrected one.</summary>
public sealed record PublishedFigure(int? Score, decimal? ExactPercentage, int Sufficient, int Insufficient, int NotApplicable, string? Band)
{
    public static PublishedFigure Of(ScopeScore score) =>
        new(score.Score, score.ExactPercentage, score.Sufficient, score.Insufficient, score.NotApplicable, score.Band?.Label);
}
