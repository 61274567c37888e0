using System.Diagnostics;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Measure 3: a full rebuild of every view, in events per second, beside a raw scan that reads every event of the
/// ledger in order and deserialises it. The product side is the admin rebuild endpoint (DESIGN.md §4); a build
/// without it fails the run (<see cref="UnexpectedResponse"/>) rather than reporting a figure it did not measure.
/// A second rebuild then times reads while it runs (<see cref="ReadsDuringRebuild"/>).
/// </summary>
public sealed class ViewRebuild : IMeasure
{
    /// <summary>The admin endpoint that rebuilds every view and answers 200 when they are rebuilt.</summary>
    public const string RebuildPath = "/admin/projections/rebuild";

    public string Name => "3. view rebuild";

    private const string Figure = "full rebuild of every view";
    private const string BaselineWork = "scan of the event table in order, deserialising every event with System.Text.Json";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var events = await RawScan.ReadAsync(context.Product,
            $"select mt_dotnet_type, data from {EventStoreSetup.Schema}.mt_events order by seq_id", [], _ => { }, cancellation);
        var baseline = events / Stopwatch.GetElapsedTime(started).TotalSeconds;
        var product = events / (await RebuildAsync(context, cancellation)).TotalSeconds;
        return
        [
            new MeasureResult(Name, Figure, "events/s", true, product, baseline, BaselineWork, Note: $"{events:N0} events"),
            .. await ReadsDuringRebuild.RunAsync(context, Name, async ct => await RebuildAsync(context, ct), cancellation),
        ];
    }

    /// <summary>Asks for the rebuild and waits for its answer. A rebuild that answers before it has finished (202)
    /// would give a false figure, so that stops the benchmark rather than being timed.</summary>
    private static async Task<TimeSpan> RebuildAsync(BenchContext context, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        await context.Api.SendAsync(context.Api.PostEmpty(RebuildPath, "bench-admin", Roles.Admin, 200), cancellation);
        return Stopwatch.GetElapsedTime(started);
    }
}
