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

    [System.Text.Json.Serialization.JsonIgnore]
    public ScopeCounts Counts => new(Sufficient, Insufficient, NotApplicable);
}
