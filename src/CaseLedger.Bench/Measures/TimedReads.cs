using CaseLedger.Bench.Stats;

namespace CaseLedger.Bench.Measures;

/// <summary>A read's p50 and p99: sequential runs of its raw baseline, then sequential requests of the same read.</summary>
public static class TimedReads
{
    /// <summary>A baseline's sequential runs, and how many there were.</summary>
    public sealed record Baseline(Latencies Latencies, int Reads);

    /// <summary>
    /// A heavy baseline scans a large share of the ledger per read; fewer of them keep the default run inside its
    /// ten minutes (their p99 is then nearly their maximum, and the note says how many).
    /// </summary>
    private static int BaselineSamples(BenchOptions options, bool heavy) => heavy ? Math.Max(1, options.Samples / 20) : options.Samples;

    public static async Task<IReadOnlyList<MeasureResult>> BesideBaselineAsync(
        BenchContext context, string measure, string figure, PreparedRequest request, Func<CancellationToken, Task> baseline, bool heavy,
        string baselineWork, string note, CancellationToken cancellation)
    {
        // Which read is being timed, so a profile taken during the run can be matched to it.
        context.Log($"{measure}: {figure}");
        return await BesideAsync(context, measure, figure, request, await BaselineAsync(context, baseline, heavy, cancellation), baselineWork, note, cancellation);
    }

    /// <summary>The baseline's runs alone, for reads whose baselines are the very same work and so are run once.</summary>
    public static async Task<Baseline> BaselineAsync(BenchContext context, Func<CancellationToken, Task> baseline, bool heavy, CancellationToken cancellation)
    {
        var samples = BaselineSamples(context.Options, heavy);
        var raw = await ClientRun.SequentialAsync([.. Enumerable.Range(0, samples).Select(_ => baseline)], cancellation);
        return new Baseline(raw.Latencies, samples);
    }

    /// <summary>The read's requests beside a baseline already run.</summary>
    public static async Task<IReadOnlyList<MeasureResult>> BesideAsync(
        BenchContext context, string measure, string figure, PreparedRequest request, Baseline raw, string baselineWork, string note,
        CancellationToken cancellation)
    {
        var product = await ClientRun.SequentialAsync([.. Enumerable.Range(0, context.Options.Samples)
            .Select(_ => (Func<CancellationToken, Task>)(ct => context.Api.SendAsync(request, ct)))], cancellation);
        return
        [
            new(measure, $"{figure}: p50", "ms", false, product.Latencies.P50, raw.Latencies.P50, baselineWork, Note: $"{note}; baseline over {raw.Reads} reads"),
            new(measure, $"{figure}: p99", "ms", false, product.Latencies.P99, raw.Latencies.P99, baselineWork),
        ];
    }
}
