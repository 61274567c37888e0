namespace CaseLedger.Api.Scoring;

/// <summary>How many answers of each kind a scope holds, across every case and every question in it.</summary>
public readonly record struct ScopeCounts(int Sufficient, int Insufficient, int NotApplicable)
{
    /// <summary>The score's denominator: not-applicable answers are left out of it.</summary>
    public int Applicable => Sufficient + Insufficient;
}
