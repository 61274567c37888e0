using System.Diagnostics;
using CaseLedger.Bench.Reporting;
using Npgsql;

namespace CaseLedger.Bench.Measures;

/// <summary>Runs the measures of one scale in order, each on a settled API (<see cref="Settling"/>). The first loads the
/// dataset the others read (the writes across inspections run on the API that has been serving since the start,
/// before the sealing measure restarts it: run on
/// the restarted API, .NET's counters showed JIT compilation taking 30–70% of its CPU during that measure; memory
/// is read before the restart; the webhooks measure, which warms up its own writes, comes after so none of the others
/// runs beside a subscription; the reliability reads came later and run last, warming up the restarted API's read
/// endpoints themselves) and describes the database they leave.</summary>
public static class ScaleRunner
{
    public static IReadOnlyList<IMeasure> All() =>
    [
        new BulkRecording(), new SingleJudgements(), new ViewRebuild(), new HistoryReads(), new ViewLag(), new LedgerProofs(), new SpreadWrites(),
        new ApiMemory(), new SealingCosts(), new WebhookLatency(), new ReliabilityReads(),
    ];

    public static async Task<ScaleReport> RunAsync(BenchContext context, IReadOnlyList<IMeasure> measures, CancellationToken cancellation)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAverage = RunEnvironment.LoadAverage();
        var started = Stopwatch.GetTimestamp();
        await context.Raw.CreateAsync(cancellation);
        try
        {
            await WarmUp.RunAsync(context, cancellation);
            context.Log("warmed up");
            var results = new List<MeasureResult>();
            foreach (var measure in measures)
            {
                await Settling.SettleAsync(context, cancellation);
                context.Log($"{measure.Name}: running");
                var measureStarted = Stopwatch.GetTimestamp();
                results.AddRange(await measure.RunAsync(context, cancellation));
                context.Log($"{measure.Name}: done in {Stopwatch.GetElapsedTime(measureStarted).TotalSeconds:0.0} s");
            }
            var database = await DescribeAsync(context, cancellation);
            // Reported in the measures' numbered order, whatever order they ran in.
            return new ScaleReport(context.Options.Events, startedAt, Stopwatch.GetElapsedTime(started).TotalSeconds, loadAverage,
                context.RequireLoaded().Facts, database, [.. results.OrderBy(result => NumberOf(result.Measure))], context.Options);
        }
        finally
        {
            await context.Raw.DropAsync(CancellationToken.None);
        }
    }

    /// <summary>A measure's number, from the front of its name ("11. writes across inspections").</summary>
    private static int NumberOf(string measure) => int.Parse(measure[..measure.IndexOf('.')], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<DatabaseFacts> DescribeAsync(BenchContext context, CancellationToken cancellation)
    {
        const string schema = EventStoreSetup.Schema;
        await using var command = context.Product.CreateCommand($"""
            select current_setting('server_version'),
                   (select count(*) from {schema}.mt_events),
                   pg_database_size(current_database()),
                   pg_total_relation_size('{schema}.mt_events'),
                   (select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = '{schema}' and c.relkind = 'r' and c.relname like 'mt_doc_%'),
                   (select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = $1 and c.relkind = 'r')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = context.Raw.Schema });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        const double mb = 1024 * 1024;
        return new DatabaseFacts(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2) / mb, reader.GetInt64(3) / mb,
            Convert.ToInt64(reader.GetValue(4)) / mb, Convert.ToInt64(reader.GetValue(5)) / mb);
    }
}
