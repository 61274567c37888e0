namespace CaseLedger.Bench.Measures;

/// <summary>
/// Measure 4: the history and view reads (DESIGN.md §5) on the dataset's largest inspection, p50 and p99 of
/// sequential requests, each beside a raw read that computes the same answer's substance from the event table:
/// the events it depends on, read and deserialised, and judgements folded into counts where the answer is a score.
/// A read the API does not answer fails the run (<see cref="UnexpectedResponse"/>) rather than leaving a row without a figure.
/// </summary>
public sealed class HistoryReads : IMeasure
{
    public string Name => "4. history reads";

    private const string Events = EventStoreSetup.Schema + ".mt_events";

    private sealed record Read(string Figure, string Path, bool Heavy, string BaselineWork, string Sql, IReadOnlyList<object> Parameters);

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var loaded = context.RequireLoaded();
        var largest = loaded.Largest;
        var id = largest.Id;
        var framework = context.Frameworks.Latest(largest.FrameworkId)!;
        var theme = framework.Themes.First(t => t.JudgedBy is null).Id;
        var at = loaded.MidLoadAt.UtcDateTime;
        var atText = Uri.EscapeDataString(at.ToString("O"));
        // After the whole load: the point takes in every event, so the read does all the work a point read can.
        var both = DateTime.UtcNow;
        var bothText = Uri.EscapeDataString(both.ToString("O"));
        var streamFold = "the inspection's events read in order, deserialised and folded into counts per question";
        var opened = $"select stream_id from {Events} where type = 'inspection_opened'";
        // The YOT read asks about the inspection opened last before that moment: one still in fieldwork then, which
        // is the read that has to replay (the largest inspection may not have begun by then, and would be a 404).
        var yotAtMoment = await YotOpenedLastBeforeAsync(context, at, cancellation);

        Read[] reads =
        [
            new("scores?at=week:1", $"/inspections/{id}/scores?at=week:1", false,
                "the inspection's events up to the close of week 1, deserialised and folded into counts per question",
                $"""
                select mt_dotnet_type, data from {Events} where stream_id = $1 and version <= (
                  select version from {Events} where stream_id = $1 and type = 'fieldwork_week_closed' and (data ->> 'number')::int = 1)
                order by version
                """, [id]),
            new("history?from=week:1&to=version:last",
                $"/inspections/{id}/history?from=week:1&to=version:{largest.EventCount}", false, streamFold,
                $"select mt_dotnet_type, data from {Events} where stream_id = $1 order by version", [id]),
            // Bitemporal: both bounds at once, valid time (each event's stated occurredAt, else its commit) and
            // recorded time; the raw side filters on the same two expressions.
            new("scores?at=T&recordedAt=T (bitemporal)", $"/inspections/{id}/scores?at={bothText}&recordedAt={bothText}", false,
                "the inspection's events within both bounds, deserialised and folded into counts per question",
                $"""
                select mt_dotnet_type, data from {Events} where stream_id = $1 and timestamp <= $2
                  and coalesce((headers ->> 'occurredAt')::timestamptz, timestamp) <= $2
                order by version
                """, [id, both]),
            new("moderation", $"/inspections/{id}/moderation", false, streamFold,
                $"select mt_dotnet_type, data from {Events} where stream_id = $1 order by version", [id]),
            new("verify", $"/inspections/{id}/verify", false, streamFold,
                $"select mt_dotnet_type, data from {Events} where stream_id = $1 order by version", [id]),
            new("events?after=0&limit=100", $"/inspections/{id}/events?after=0&limit=100", false,
                "the first 100 events of the inspection, deserialised",
                $"select mt_dotnet_type, data from {Events} where stream_id = $1 order by version limit 100", [id]),
            new($"yots/{{code}}?at=mid-load", $"/yots/{yotAtMoment}?at={atText}", true,
                "every event of the YOT's inspections up to that moment, deserialised and folded",
                $"select mt_dotnet_type, data from {Events} where stream_id in ({opened} and data -> 'yot' ->> 'code' = $1) and timestamp <= $2 order by seq_id",
                [yotAtMoment, at]),
            new($"themes/{{framework}}/{{theme}}?at=mid-load", $"/themes/{framework.Id}/{theme}?at={atText}", true,
                "every event of the framework's inspections up to that moment, deserialised and folded",
                $"select mt_dotnet_type, data from {Events} where stream_id in ({opened} and data ->> 'frameworkId' = $1) and timestamp <= $2 order by seq_id",
                [framework.Id, at]),
        ];

        var results = new List<MeasureResult>();
        var note = $"inspection {id} ({largest.FrameworkId}, {largest.EventCount:N0} events, {largest.Yot.Code})";
        // history, moderation and verify have the very same baseline (the whole stream read and folded): it is run
        // once a scale, with the first of them, rather than three times over.
        var baselines = new Dictionary<string, (string Figure, TimedReads.Baseline Runs)>();
        foreach (var read in reads)
        {
            context.Log($"{Name}: {read.Figure}");
            var key = $"{read.Sql}|{string.Join(",", read.Parameters)}";
            var shared = baselines.TryGetValue(key, out var earlier);
            if (!shared)
                baselines[key] = earlier = (read.Figure, await TimedReads.BaselineAsync(context,
                    ct => RawScan.ReadAsync(context.Product, read.Sql, read.Parameters, new RawTally().Apply, ct), read.Heavy, cancellation));
            results.AddRange(await TimedReads.BesideAsync(context, Name, read.Figure, context.Api.Get(read.Path, "bench-auditor", Roles.Auditor),
                earlier.Runs, read.BaselineWork, shared ? $"{note}; the same baseline runs as {earlier.Figure}'s" : note, cancellation));
        }
        return results;
    }

    private static async Task<string> YotOpenedLastBeforeAsync(BenchContext context, DateTime at, CancellationToken cancellation)
    {
        await using var command = context.Product.CreateCommand(
            $"select data -> 'yot' ->> 'code' from {Events} where type = 'inspection_opened' and timestamp <= $1 order by seq_id desc limit 1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = at });
        return (string?)await command.ExecuteScalarAsync(cancellation)
            ?? throw new InvalidOperationException("No inspection was opened before the mid-load moment.");
    }
}
