namespace CaseLedger.Bench.Measures;

/// <summary>
/// Measure 7: the API process's peak resident memory over the whole scale (the kernel's high-water mark), beside
/// the same process at rest when the benchmark began. No raw-PostgreSQL counterpart holds memory on the API's
/// behalf, so the baseline is the process's own starting point: the ratio is how much the work made it grow.
/// </summary>
public sealed class ApiMemory : IMeasure
{
    public string Name => "7. API memory";

    private const string BaselineWork = "the same API process at rest, started and ready, before the first request";

    public Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var api = context.ApiProcess;
        var peak = api.PeakKb() ?? throw new BenchFailure("The API process ended before its memory could be read.");
        return Task.FromResult<IReadOnlyList<MeasureResult>>(
        [
            new(Name, "peak resident memory (VmHWM)", "MB", false, peak / 1024.0, api.StartRssKb / 1024.0, BaselineWork,
                Note: $"largest of {api.SampleCount:N0} half-second RSS samples {api.MaxSampledRssKb / 1024.0:N0} MB; at the end {(api.CurrentKb() ?? 0) / 1024.0:N0} MB"),
        ]);
    }
}
