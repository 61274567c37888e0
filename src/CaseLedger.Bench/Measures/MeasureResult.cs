namespace CaseLedger.Bench.Measures;

/// <summary>One figure of one measure, beside its raw-PostgreSQL baseline from the same run.</summary>
public sealed record MeasureResult(
    string Measure,
    string Figure,
    string Unit,
    bool HigherIsBetter,
    double Product,
    double Baseline,
    string BaselineWork,
    string? Note = null)
{
    /// <summary>How many times the baseline's cost the product's is: 1 is parity, 3 is three times slower (or
    /// three times fewer per second). Null when either side is zero.</summary>
    public double? CostRatio => Product > 0 && Baseline > 0
        ? HigherIsBetter ? Baseline / Product : Product / Baseline
        : null;
}

/// <summary>A measure: one piece of the product's work, timed beside the same work done on raw PostgreSQL.</summary>
public interface IMeasure
{
    string Name { get; }

    Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation);
}
