using System.Collections.Concurrent;
using System.Diagnostics;
using CaseLedger.Bench.Stats;
using CaseLedger.Api.Ledger.Sealing;
using Npgsql;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Measure 5: under sustained single-judgement writes at a steady rate, the time from a write's commit (its 2xx)
/// to the moment every async view has applied it, which is when any read of those views shows it. Marten records
/// each async projection's progress in its progression table, committed with the view's own changes; an observer
/// polls it. A second observer watches the ledger: the time from commit until a signed tree head covers the
/// event (the sealer writes a batch's leaves and its head in one transaction, so a sealed event is a covered one).
/// The baseline is the same writes to a plain table, observed by polling on another connection: commit to visible
/// for a synchronous write. A product with no async projection to observe fails the run.
/// </summary>
public sealed class ViewLag : IMeasure
{
    public string Name => "5. async view lag";

    public const int WritesPerSecond = 50;
    public const int Writers = 4;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(120);

    private const string Progression = EventStoreSetup.Schema + ".mt_event_progression";
    private const string BaselineWork = "the same writes to a plain table, polled from another connection every 5 ms until visible";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var projections = await AsyncProjectionsAsync(context, cancellation);
        var options = context.Options;
        var count = (int)(WritesPerSecond * options.LagDuration.TotalSeconds * 1.2);
        var random = new Random(Draws.SeedFor(options.Seed, -5));
        var (inspection, judgements) = UniformInspection.Plan(context.Frameworks, random, count, Writers, "lag");
        var note = $"{WritesPerSecond} single judgements/s from {Writers} clients for {options.LagDuration.TotalSeconds:0} s";

        var rawVersion = 0L;
        var raw = (await MeasureAsync(context, judgements.Select(j =>
        {
            var row = RawEvents.Recorded(inspection.Id, ++rawVersion, j, Roles.Inspector, 1, Guid.NewGuid().ToString("N"));
            var current = RawEvents.Current(inspection.Id, j, 1);
            return (Write)(async ct =>
            {
                await context.Raw.InsertAsync(row, current, ct);
                var committedAt = Stopwatch.GetTimestamp();
                return (await ScalarAsync(context.Raw.Data, $"select seq_id from {context.Raw.Schema}.events where stream_id = $1 and version = $2", ct, row.StreamId, row.Version), committedAt);
            });
        }).ToList(), [RawVisibleAsync(context)], cancellation))[0];

        await context.Api.SendInOrderAsync([context.Api.Register(inspection.Yot), .. context.Api.OpenForJudgements(inspection)], cancellation);
        var product = await MeasureAsync(context, judgements.Select(j =>
        {
            var request = context.Api.Record(inspection.Id, j);
            return (Write)(async ct =>
            {
                await context.Api.SendAsync(request, ct);
                var committedAt = Stopwatch.GetTimestamp();
                return (await ScalarAsync(context.Product, $"select seq_id from {EventStoreSetup.Schema}.mt_events where stream_id = $1 and data ->> 'judgementId' = $2",
                    ct, inspection.Id, j.Id.ToString()), committedAt);
            });
        }).ToList(), [ProductVisibleAsync(context), CoveredByHeadAsync(context)], cancellation);

        var (visible, covered) = (product[0], product[1]);
        return
        [
            new(Name, "commit to visible: p50", "ms", false, visible.P50, raw.P50, BaselineWork, Note: $"{note}; async projections: {string.Join(", ", projections)}"),
            new(Name, "commit to visible: p99", "ms", false, visible.P99, raw.P99, BaselineWork),
            new(Name, "commit to covered by a signed head: p50", "ms", false, covered.P50, raw.P50, BaselineWork, Note: note),
            new(Name, "commit to covered by a signed head: p99", "ms", false, covered.P99, raw.P99, BaselineWork),
        ];
    }

    /// <summary>One write: it returns once committed, with its event's global sequence and the moment it was acknowledged.</summary>
    private delegate Task<(long Seq, long CommittedAt)> Write(CancellationToken cancellation);

    /// <summary>Writes at the steady rate for the set duration; each observer resolves each write once it sees it,
    /// and gives its own lags.</summary>
    private static async Task<IReadOnlyList<Latencies>> MeasureAsync(BenchContext context, IReadOnlyList<Write> writes,
        IReadOnlyList<Func<long[], CancellationToken, Task<IEnumerable<long>>>> observers, CancellationToken cancellation)
    {
        var pending = observers.Select(_ => new ConcurrentDictionary<long, long>()).ToList();
        var lags = observers.Select(_ => new Latencies()).ToList();
        var writersDone = new TaskCompletionSource();
        var watching = observers.Select((visible, o) => Task.Run(async () =>
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(CatchUpLimit.TotalSeconds * Stopwatch.Frequency) + (long)(context.Options.LagDuration.TotalSeconds * Stopwatch.Frequency);
            while (!writersDone.Task.IsCompleted || !pending[o].IsEmpty)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                    throw new BenchFailure($"{pending[o].Count} writes were still not seen {CatchUpLimit.TotalSeconds:0} s after the writes stopped.");
                if (!pending[o].IsEmpty)
                {
                    var seen = await visible([.. pending[o].Keys], cancellation);
                    var now = Stopwatch.GetTimestamp();
                    foreach (var seq in seen)
                        if (pending[o].TryRemove(seq, out var committed)) lags[o].Add(Stopwatch.GetElapsedTime(committed, now).TotalMilliseconds);
                }
                await Task.Delay(Poll, cancellation);
            }
        }, cancellation)).ToList();

        try
        {
            await SteadyRate.RunAsync(writes.Count, Writers, WritesPerSecond, context.Options.LagDuration, async (i, ct) =>
            {
                var (seq, committedAt) = await writes[i](ct);
                foreach (var waiting in pending) waiting[seq] = committedAt;
            }, cancellation);
        }
        finally
        {
            writersDone.SetResult();
        }
        await Task.WhenAll(watching);
        return lags;
    }

    private static Func<long[], CancellationToken, Task<IEnumerable<long>>> RawVisibleAsync(BenchContext context) => async (pending, cancellation) =>
    {
        await using var command = context.Raw.Data.CreateCommand($"select seq_id from {context.Raw.Schema}.events where seq_id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = pending });
        var seen = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) seen.Add(reader.GetInt64(0));
        return seen;
    };

    private static Func<long[], CancellationToken, Task<IEnumerable<long>>> ProductVisibleAsync(BenchContext context) => async (pending, cancellation) =>
    {
        var applied = await ScalarAsync(context.Product, $"select coalesce(min(last_seq_id), 0) from {Progression} where name not like 'HighWater%'", cancellation);
        return pending.Where(seq => seq <= applied);
    };

    /// <summary>Covered once the latest head's tree holds it: its last leaf's sequence is at or past the event's.</summary>
    private static Func<long[], CancellationToken, Task<IEnumerable<long>>> CoveredByHeadAsync(BenchContext context) => async (pending, cancellation) =>
    {
        var covered = await ScalarAsync(context.Product, $"""
            select coalesce(max(l.seq_id), 0) from {LedgerTables.Leaves} l
             where l.leaf_index = (select max(tree_size) - 1 from {LedgerTables.Heads})
            """, cancellation);
        return pending.Where(seq => seq <= covered);
    };

    private static async Task<IReadOnlyList<string>> AsyncProjectionsAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var command = context.Product.CreateCommand($"select name from {Progression} where name not like 'HighWater%' order by name");
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
            while (await reader.ReadAsync(cancellation)) names.Add(reader.GetString(0));
        return names.Count > 0
            ? names
            : throw new BenchFailure($"{Progression} lists no async projection: there is no view whose lag could be measured.");
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource data, string sql, CancellationToken cancellation, params object[] parameters)
    {
        await using var command = data.CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return await command.ExecuteScalarAsync(cancellation) is long value
            ? value
            : throw new BenchFailure($"No row for: {sql}");
    }
}
