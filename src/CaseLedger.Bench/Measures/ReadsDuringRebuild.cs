using System.Diagnostics;
using System.Text.Json.Nodes;
using CaseLedger.Bench.Stats;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Part of measure 3: reads while every view is rebuilt. The largest inspection's scores, and a theme across every
/// inspection of its framework, are read again and again until the rebuild answers. Each answer must equal the
/// one given before the rebuild: a read that saw an empty or half-built view would differ, and that stops the
/// run. Beside them, the raw side folds the same inspection's events while a raw scan of the whole event table,
/// the read a rebuild does, runs at the same time.
/// </summary>
public static class ReadsDuringRebuild
{
    private const string Events = EventStoreSetup.Schema + ".mt_events";

    public static async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, string measure, Func<CancellationToken, Task> rebuild, CancellationToken cancellation)
    {
        var largest = context.RequireLoaded().Largest;
        var framework = context.Frameworks.Latest(largest.FrameworkId)!;
        var theme = framework.Themes.First(t => t.JudgedBy is null).Id;
        var scores = context.Api.Get($"/inspections/{largest.Id}/scores", "bench-auditor", Roles.Auditor);
        var themeView = context.Api.Get($"/themes/{framework.Id}/{theme}", "bench-auditor", Roles.Auditor);
        var expected = (await AnswerAsync(context, scores, cancellation), await AnswerAsync(context, themeView, cancellation));

        var (scoreTimes, themeTimes) = (new Latencies(), new Latencies());
        // At least one of each, so a rebuild quicker than a read (a tiny scale) still gives a figure.
        var rebuilding = rebuild(cancellation);
        do
        {
            await Check(context, scores, expected.Item1, scoreTimes, "scores", cancellation);
            await Check(context, themeView, expected.Item2, themeTimes, "theme", cancellation);
        } while (!rebuilding.IsCompleted);
        await rebuilding;

        var raw = new Latencies();
        var scan = RawScan.ReadAsync(context.Product, $"select mt_dotnet_type, data from {Events} order by seq_id", [], _ => { }, cancellation);
        do
            await raw.TimeAsync(() => RawScan.ReadAsync(context.Product,
                $"select mt_dotnet_type, data from {Events} where stream_id = $1 order by version", [largest.Id], new RawTally().Apply, cancellation));
        while (!scan.IsCompleted);
        await scan;

        const string work = "the largest inspection's events read in order, deserialised and folded, while a raw scan of the whole event table runs";
        var note = $"{scoreTimes.Count} score reads and {themeTimes.Count} theme reads while every view was rebuilt, each answer equal to the one before; raw: {raw.Count} folds during one scan";
        return
        [
            new(measure, "scores of the largest inspection during a rebuild: p50", "ms", false, scoreTimes.P50, raw.P50, work, Note: note),
            new(measure, "scores of the largest inspection during a rebuild: p99", "ms", false, scoreTimes.P99, raw.P99, work),
            new(measure, $"themes/{{framework}}/{{theme}} during a rebuild: p50", "ms", false, themeTimes.P50, raw.P50, work),
            new(measure, $"themes/{{framework}}/{{theme}} during a rebuild: p99", "ms", false, themeTimes.P99, raw.P99, work),
        ];
    }

    private static async Task Check(BenchContext context, PreparedRequest request, string expected, Latencies times, string what, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await AnswerAsync(context, request, cancellation);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (answer != expected)
            throw new BenchFailure($"During the rebuild, the {what} read answered differently from before it: a reader saw a view part-built.");
    }

    private static async Task<string> AnswerAsync(BenchContext context, PreparedRequest request, CancellationToken cancellation) =>
        (await context.Api.ReadAsync<JsonObject>(request, cancellation)).ToJsonString();
}
