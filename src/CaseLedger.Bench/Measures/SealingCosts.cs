using System.Diagnostics;
using CaseLedger.Api.Ledger.Sealing;
using CaseLedger.Bench.Stats;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Measure 8: what sealing costs. First the write path without the sealer: the API restarted with
/// <c>Ledger:Sealing:Enabled=false</c>, single judgements from one client, each beside the raw insert. Then, with the
/// API stopped, the sealed log is emptied (its leaves, nodes, heads and the sealer's progress), the raw scan reads
/// every event of the scale in order, and the API starts again sealing: events per second from its launch until
/// every event is sealed, beside the scan. Last, the same single judgements with that sealer beside them. Sealing is off
/// the write path (DESIGN.md §10), so the two write figures must match. Needs an API it can restart
/// (<see cref="ApiLauncher"/>), and leaves it running, sealed and sealing.
/// </summary>
public sealed class SealingCosts : IMeasure
{
    public string Name => "8. ledger sealing";

    private const int Untimed = 30;
    private const string WriteBaseline = "one transaction per request inserting the same event JSON and a current-judgement row";
    private const string ScanBaseline = "scan of the event table in order, deserialising every event with System.Text.Json";
    private const string Progression = EventStoreSetup.Schema + ".mt_event_progression";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var launcher = context.Launcher ?? throw new BenchFailure("The sealing measure restarts the API, and this run gave it no API to restart.");
        var random = new Random(Draws.SeedFor(context.Options.Seed, -8));

        await launcher.RestartAsync(sealing: false, cancellation);
        var off = await WritesAsync(context, random, "sealing-off", cancellation);

        await launcher.StopAsync();
        var events = await EmptySealedLogAsync(context, cancellation);
        var scanStarted = Stopwatch.GetTimestamp();
        var scanned = await RawScan.ReadAsync(context.Product,
            $"select mt_dotnet_type, data from {EventStoreSetup.Schema}.mt_events order by seq_id", [], _ => { }, cancellation);
        var scan = scanned / Stopwatch.GetElapsedTime(scanStarted).TotalSeconds;
        var launched = Stopwatch.GetTimestamp();
        await launcher.StartAsync(sealing: true, cancellation);
        var ready = Stopwatch.GetElapsedTime(launched);
        await SealedAsync(context, events, cancellation);
        var sealing = Stopwatch.GetElapsedTime(launched);

        var on = await WritesAsync(context, random, "sealing-on", cancellation);
        var note = $"the 10th–{9 + Untimed + context.Options.Samples}th judgements of a new inspection, the first {Untimed} untimed, in a freshly started API";
        return
        [
            new(Name, "resealing every event from the first: events/s", "events/s", true, events / sealing.TotalSeconds, scan, ScanBaseline,
                Note: $"{events:N0} events sealed {sealing.TotalSeconds:0.0} s after the API was launched, {ready.TotalSeconds:0.0} s of that starting up"),
            new(Name, "single judgement, sealing off: p50", "ms", false, off.Product.P50, off.Raw.P50, WriteBaseline, Note: note),
            new(Name, "single judgement, sealing off: p99", "ms", false, off.Product.P99, off.Raw.P99, WriteBaseline),
            new(Name, "single judgement, sealing on: p50", "ms", false, on.Product.P50, on.Raw.P50, WriteBaseline,
                Note: $"p50 {on.Product.P50 / off.Product.P50:0.00}× and p99 {on.Product.P99 / off.Product.P99:0.00}× sealing off's; "
                    + $"against the raw insert run beside each, {on.Product.P50 / on.Raw.P50:0.00}× raw on and {off.Product.P50 / off.Raw.P50:0.00}× off (p50)"),
            new(Name, "single judgement, sealing on: p99", "ms", false, on.Product.P99, on.Raw.P99, WriteBaseline),
        ];
    }

    private static async Task<(Latencies Product, Latencies Raw)> WritesAsync(
        BenchContext context, Random random, string name, CancellationToken cancellation)
    {
        var samples = context.Options.Samples;
        var prepared = await SingleJudgements.PrepareAsync(context,
            UniformInspection.Plan(context.Frameworks, random, 9 + Untimed + samples, 1, name), 9, cancellation);
        await ClientRun.RunAsync(prepared.Product(9, 9 + Untimed), cancellation);
        var from = 9 + Untimed;
        var product = await ClientRun.RunAsync(prepared.Product(from, from + samples), cancellation);
        var raw = await ClientRun.RunAsync(prepared.Raw(from, from + samples), cancellation);
        return (product.Latencies, raw.Latencies);
    }

    /// <summary>Forgets everything sealed, with no API running, so the next one seals the whole log again; returns how
    /// many events there are to seal. A throwaway benchmark database only: a real ledger's heads are its promises.</summary>
    private static async Task<long> EmptySealedLogAsync(BenchContext context, CancellationToken cancellation)
    {
        await using (var forget = context.Product.CreateCommand(
            $"truncate {LedgerTables.Leaves}, {LedgerTables.Nodes}, {LedgerTables.Heads}; delete from {Progression} where name like '{LedgerSealer.Name}:%'"))
            await forget.ExecuteNonQueryAsync(cancellation);
        await using var count = context.Product.CreateCommand($"select count(*) from {EventStoreSetup.Schema}.mt_events");
        return await count.ExecuteScalarAsync(cancellation) is long events and > 0
            ? events
            : throw new BenchFailure("The event table is empty: there is nothing to seal.");
    }

    /// <summary>Waits until every event is sealed. The sealer starts with the host, before it answers ready, so the
    /// time is taken from the launch: start-up is counted against the sealer, never sealing left out.</summary>
    private static async Task SealedAsync(BenchContext context, long events, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var limit = TimeSpan.FromSeconds(Math.Max(120, events / 1_000));
        while (await SealedSizeAsync(context, cancellation) < events)
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
                throw new BenchFailure($"Only {await SealedSizeAsync(context, cancellation):N0} of {events:N0} events were sealed {limit.TotalSeconds:0} s after the API was ready.");
            await Task.Delay(Poll, cancellation);
        }
    }

    private static async Task<long> SealedSizeAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var command = context.Product.CreateCommand($"select coalesce(max(leaf_index) + 1, 0) from {LedgerTables.Leaves}");
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }
}
