using CaseLedger.Bench.Stats;

namespace CaseLedger.Bench.Measures;

/// <summary>A read's p50 and p99: sequential runs of its raw baseline, then sequential requests of the same read.</summary>
public static class TimedReads
{
    /// <summary>
    /// A heavy baseline scans a large share of the ledger per read; fewer of them keep the default run inside its
    /// ten minutes (their p99 is then nearly their maximum, and the note says how many).
    /// </summary>
    private static int BaselineSamples(BenchOptions options, bool heavy) => heavy ? Math.Max(1, options.Samples / 20) : options.Samples;

    public static async Task<IReadOnlyList<MeasureResult>> BesideBaselineAsync(
        BenchContext context, string measure, string figure, PreparedRequest request, Func<CancellationToken, Task> baseline, bool heavy,
        string baselineWork, string note, CancellationToken cancellation)
    {
        var samples = BaselineSamples(context.Options, heavy);
        // Which read is being timed, so a profile taken during the run can be matched to it.
        context.Log($"{measure}: {figure}");
        var raw = await ClientRun.SequentialAsync([.. Enumerable.Range(0, samples).Select(_ => baseline)], cancellation);
        var product = await ClientRun.SequentialAsync([.. Enumerable.Range(0, context.Options.Samples)
            .Select(_ => (Func<CancellationToken, Task>)(ct => context.Api.SendAsync(request, ct)))], cancellation);
        return
        [
            new(measure, $"{figure}: p50", "ms", false, product.Latencies.P50, raw.Latencies.P50, baselineWork, Note: $"{note}; baseline over {samples} reads"),
            new(measure, $"{figure}: p99", "ms", false, product.Latencies.P99, raw.Latencies.P99, baselineWork),
        ];
    }
}
