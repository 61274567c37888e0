using System.Diagnostics;
using CaseLedger.Api.Admin;
using CaseLedger.Api.Ledger.Sealing;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Between measures: waits until the API has done the work the last one left it (every view has applied the last
/// event, and the sealer has sealed it), then checkpoints the database, so the next measure times its own work and
/// not the tail of the one before. At 5M the single judgements ran seconds after the national load (a 12.6 GB
/// database), and a third of a second of every write taking 35–61 ms in the middle of them made the run's p99.
/// </summary>
public static class Settling
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Long enough for the views and the sealer to catch up on what any measure writes. A measure that
    /// leaves more is not failed for it: the next one starts, and the log says so.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private const string Events = EventStoreSetup.Schema + ".mt_events";

    public static async Task SettleAsync(BenchContext context, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var last = await ScalarAsync(context, $"select coalesce(max(seq_id), 0) from {Events}", cancellation);
        while (!await CaughtUpAsync(context, last, cancellation))
        {
            if (Stopwatch.GetElapsedTime(started) > Limit)
            {
                context.Log($"settling: the views or the sealer had not reached event {last:N0} after {Limit.TotalSeconds:0} s; going on");
                break;
            }
            await Task.Delay(Poll, cancellation);
        }
        await using var checkpoint = context.Product.CreateCommand("checkpoint");
        await checkpoint.ExecuteNonQueryAsync(cancellation);
        context.Log($"settled in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    private static async Task<bool> CaughtUpAsync(BenchContext context, long last, CancellationToken cancellation)
    {
        var status = await context.Api.ReadAsync<ProjectionStatus>(context.Api.Get("/admin/projections", "bench-auditor", Roles.Auditor), cancellation);
        return status.Views.All(view => view.Sequence >= last && view.Rebuilding is null)
               && await ScalarAsync(context, $"select coalesce(max(seq_id), 0) from {LedgerTables.Leaves}", cancellation) >= last;
    }

    private static async Task<long> ScalarAsync(BenchContext context, string sql, CancellationToken cancellation)
    {
        await using var command = context.Product.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }
}
