namespace CaseLedger.Bench.Measures;

/// <summary>
/// One figure of one measure, beside its raw-PostgreSQL baseline from the same run. A figure the build cannot
/// produce (its endpoint does not exist yet) carries the reason instead of a number.
/// </summary>
public sealed record MeasureResult(
    string Measure,
    string Figure,
    string Unit,
    bool HigherIsBetter,
    double? Product,
    double? Baseline,
    string BaselineWork,
    string? NotMeasured = null,
    string? Note = null)
{
    /// <summary>How many times the baseline's cost the product's is: 1 is parity, 3 is three times slower (or
    /// three times fewer per second). Null when either side is missing.</summary>
    public double? CostRatio => Product is > 0 && Baseline is > 0
        ? HigherIsBetter ? Baseline.Value / Product.Value : Product.Value / Baseline.Value
        : null;

    public static MeasureResult Unavailable(string measure, string figure, string unit, bool higherIsBetter, string baselineWork,
        double? baseline, string reason) =>
        new(measure, figure, unit, higherIsBetter, null, baseline, baselineWork, reason);
}

/// <summary>A measure: one piece of the product's work, timed beside the same work done on raw PostgreSQL.</summary>
public interface IMeasure
{
    string Name { get; }

    Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation);
}
