using System.Diagnostics;
using CaseLedger.Api.Admin;
using CaseLedger.Api.Ledger.Sealing;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Between measures, and within one between what it puts in place and what it times: waits until the API has done
/// the work left it (every view has applied the last event, and the sealer has sealed it), then vacuums and
/// checkpoints the database, so a measure times its own work and not the tail of what came before. At 5M the single
/// judgements ran seconds after the national load (a 12.6 GB database), and a third of a second of every write
/// taking 35–61 ms in the middle of them made the run's p99. The vacuum is the one an operator runs after a bulk
/// load, done before a measure rather than by autovacuum during one, at a moment of its choosing; the log says whether
/// autovacuum was at work when each settle began.
/// (In the first national run with it, 2026-12-06, autovacuum was idle at every settle and the vacuum after the load
/// took 3.5 s: the second-long stalls that had made some reads' p99 at 5M were not autovacuum catching up on the
/// load. It stays, at 0.3 s a settle, so that no measure can time it.)
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
        var autovacuuming = await AutovacuumingAsync(context, cancellation);
        var vacuumStarted = Stopwatch.GetTimestamp();
        await VacuumAsync(context, cancellation);
        var vacuumed = Stopwatch.GetElapsedTime(vacuumStarted);
        await using var checkpoint = context.Product.CreateCommand("checkpoint");
        await checkpoint.ExecuteNonQueryAsync(cancellation);
        context.Log($"settled in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s (vacuum {vacuumed.TotalSeconds:0.0} s; " +
                    $"autovacuum was {(autovacuuming is null ? "idle" : $"at: {autovacuuming}")})");
    }

    // A vacuum with nothing to do costs little. ANALYZE samples every table it is given whatever changed (a second
    // a settle at 20,000 events), so it is given the tables autovacuum would analyze next: those with more than
    // 50 rows and a tenth of their rows changed since it last did (PostgreSQL's default thresholds).
    private static async Task VacuumAsync(BenchContext context, CancellationToken cancellation)
    {
        await using (var vacuum = context.Product.CreateCommand("vacuum"))
        {
            vacuum.CommandTimeout = 0; // after the national load it may have a 12 GB database to visit (3.5–5.2 s here, as autovacuum kept up)
            await vacuum.ExecuteNonQueryAsync(cancellation);
        }
        await using var stale = context.Product.CreateCommand(
            "select string_agg(format('%I.%I', schemaname, relname), ', ') from pg_stat_user_tables where n_mod_since_analyze > 50 + 0.1 * n_live_tup");
        if (await stale.ExecuteScalarAsync(cancellation) is not string tables) return;
        await using var analyze = context.Product.CreateCommand($"analyze {tables}");
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync(cancellation);
    }

    // What autovacuum is doing in the bench's database, if anything: the log says whether a vacuum left to it would
    // have run under the next measure.
    private static async Task<string?> AutovacuumingAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var command = context.Product.CreateCommand(
            "select string_agg(query, '; ') from pg_stat_activity where backend_type = 'autovacuum worker' and datname = current_database()");
        return await command.ExecuteScalarAsync(cancellation) as string;
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
