using System.Diagnostics;
using CaseLedger.Bench.Reporting;
using CaseLedger.Bench.Stats;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Measure 1, which also loads the national dataset: every inspection is opened, sampled, judged week by week
/// through the batch endpoint, revised, moderated, QA'd (under one framework) and (mostly) published, over HTTP.
/// Only the batch requests make the figure; the same judgement events, in the same batches, are copied into a plain
/// table beside them, round by round, so both sides meet the same database at the same size. Requests are
/// serialised before a phase starts, so a phase's clock times the sending, not the building.
/// </summary>
public sealed class BulkRecording : IMeasure
{
    public string Name => "1. bulk recording";

    private sealed record Batch(PreparedRequest Request, IReadOnlyList<RawEvent> Rows);

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var (api, options) = (context.Api, context.Options);
        var (product, raw, setUp, changes, qa) = (new PhaseClock(), new PhaseClock(), new PhaseClock(), new PhaseClock(), new PhaseClock());
        var tally = new Tally();
        var rawVersions = new Dictionary<Guid, long>();
        var started = Stopwatch.GetTimestamp();

        // The register first: every inspection names a registered YOT.
        await api.SendInOrderAsync(NationalYots.All.Select(api.Register), cancellation);
        tally.SetUpRequests += NationalYots.All.Count;

        foreach (var round in context.Dataset.Inspections(options.Events).Chunk(options.RoundSize))
        {
            tally.SetUpRequests += await Each(context, round, setUp, api.OpenForJudgements, cancellation);

            for (var w = 0; w < round.Max(inspection => inspection.Weeks.Count); w++)
            {
                var week = w + 1;
                var inWeek = round.Where(inspection => inspection.Weeks.Count >= week).ToList();
                if (week > 1)
                    tally.SetUpRequests += await Each(context, inWeek, setUp,
                        inspection => [api.CloseWeek(inspection, week - 1), api.OpenWeek(inspection, week)], cancellation);

                var batches = inWeek.Select(inspection => Batches(context, inspection, week, rawVersions)).ToList();
                await product.TimeAsync(() => ForEach(context, batches,
                    async (list, ct) => await api.SendInOrderAsync(list.Select(batch => batch.Request), ct), cancellation));
                await raw.TimeAsync(() => ForEach(context, batches, async (list, ct) =>
                {
                    foreach (var batch in list) await context.Raw.CopyAsync(batch.Rows, ct);
                }, cancellation));
                tally.BulkEvents += batches.Sum(list => list.Sum(batch => batch.Rows.Count));

                tally.ChangeRequests += await Each(context, inWeek, changes,
                    inspection => inspection.Weeks[w].Revisions.Select(change => api.Revise(inspection.Id, change)), cancellation);
            }

            tally.SetUpRequests += await Each(context, round, setUp, inspection => [api.CloseWeek(inspection, inspection.Weeks.Count)], cancellation);
            tally.ChangeRequests += await Each(context, round, changes,
                inspection => inspection.Moderations.Select(change => api.Moderate(inspection.Id, change)), cancellation);
            // QA comes last before publication, which would refuse it.
            tally.QaRequests += await Each(context, round.Where(inspection => inspection.Qa is not null), qa,
                inspection => api.Qa(inspection, inspection.Qa!), cancellation);
            tally.SetUpRequests += await Each(context, round.Where(inspection => inspection.Published), setUp,
                inspection => [api.Publish(inspection)], cancellation);

            tally.Add(round, options.Events);
            context.Log($"loaded {tally.Streams.Count:N0} inspections, {tally.PlannedEvents:N0} events");
        }

        var stored = await StoredEventsAsync(context, [.. tally.Streams], cancellation);
        if (stored != tally.PlannedEvents)
            throw new BenchFailure($"The ledger holds {stored:N0} events for the dataset's inspections; the plan appends {tally.PlannedEvents:N0}.");

        context.Loaded = tally.ToLoaded(stored, setUp, changes, qa, Stopwatch.GetElapsedTime(started));
        return
        [
            new MeasureResult(Name, "judgements recorded through the batch endpoint", "events/s", HigherIsBetter: true,
                product.PerSecond(tally.BulkEvents), raw.PerSecond(tally.BulkEvents),
                $"binary COPY of the same event JSON into a plain table, in the same batches, {options.Parallel} at once",
                Note: $"{tally.BulkEvents:N0} events in batches of up to {options.BatchSize:N0}, {options.Parallel} inspections at a time"),
        ];
    }

    /// <summary>A week's judgements as each inspector uploads them, and the same events as raw rows.</summary>
    private static List<Batch> Batches(BenchContext context, PlannedInspection inspection, int week, Dictionary<Guid, long> rawVersions)
    {
        var batches = new List<Batch>();
        foreach (var byUser in inspection.Weeks[week - 1].Judgements.GroupBy(judgement => judgement.By))
        foreach (var chunk in byUser.Chunk(context.Options.BatchSize))
        {
            var correlation = Guid.NewGuid().ToString("N");
            var next = rawVersions.GetValueOrDefault(inspection.Id);
            rawVersions[inspection.Id] = next + chunk.Length;
            batches.Add(new Batch(
                context.Api.Batch(inspection.Id, byUser.Key, chunk),
                [.. chunk.Select((judgement, i) => RawEvents.Recorded(inspection.Id, next + i + 1, judgement, Roles.Inspector, week, correlation))]));
        }
        return batches;
    }

    /// <summary>
    /// Inspections whose set-up, change and QA requests go at once. These requests make no figure, and sent by as few
    /// clients as the batches they took a minute of the default run's 500,000-event load in round trips alone.
    /// </summary>
    public const int LoadClients = 8;

    /// <summary>Sends each inspection's requests in order, several inspections at once, on one clock.</summary>
    private static async Task<long> Each(BenchContext context, IEnumerable<PlannedInspection> inspections, PhaseClock clock,
        Func<PlannedInspection, IEnumerable<PreparedRequest>> requests, CancellationToken cancellation)
    {
        var prepared = inspections.Select(inspection => requests(inspection).ToList()).ToList();
        await clock.TimeAsync(() => ForEach(Math.Max(LoadClients, context.Options.Parallel), prepared,
            async (list, ct) => await context.Api.SendInOrderAsync(list, ct), cancellation));
        return prepared.Sum(list => list.Count);
    }

    private static Task ForEach<T>(BenchContext context, IEnumerable<T> items, Func<T, CancellationToken, ValueTask> work, CancellationToken cancellation) =>
        ForEach(context.Options.Parallel, items, work, cancellation);

    private static Task ForEach<T>(int clients, IEnumerable<T> items, Func<T, CancellationToken, ValueTask> work, CancellationToken cancellation) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = cancellation }, work);

    private static async Task<long> StoredEventsAsync(BenchContext context, Guid[] streams, CancellationToken cancellation)
    {
        await using var command = context.Product.CreateCommand($"select count(*) from {EventStoreSetup.Schema}.mt_events where stream_id = any($1)");
        command.Parameters.Add(new() { Value = streams });
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }

    /// <summary>What the load has done so far.</summary>
    private sealed class Tally
    {
        public List<Guid> Streams { get; } = [];
        public long SetUpRequests { get; set; }
        public long ChangeRequests { get; set; }
        public long QaRequests { get; set; }
        public long BulkEvents { get; set; }
        public long PlannedEvents { get; private set; }
        private List<Summary> Summaries { get; } = [];
        private PlannedInspection? largest;
        private DateTimeOffset? midLoadAt;

        /// <summary>Keeps only a light summary of each inspection (its judgements are let go with the round),
        /// and the moment half the dataset was in: the point in time the history reads ask about.</summary>
        public void Add(IEnumerable<PlannedInspection> round, long target)
        {
            foreach (var inspection in round)
            {
                PlannedEvents += inspection.EventCount;
                Summaries.Add(new Summary(inspection.FrameworkId, inspection.Yot, inspection.Cases.Count, inspection.JudgementCount,
                    inspection.RevisionCount, inspection.Moderations.Count, inspection.Qa?.Sampled ?? 0, inspection.Qa?.Overturns.Count ?? 0,
                    inspection.Published));
                Streams.Add(inspection.Id);
                if (largest is null || inspection.EventCount > largest.EventCount) largest = inspection;
            }
            if (midLoadAt is null && PlannedEvents >= target / 2) midLoadAt = DateTimeOffset.UtcNow;
        }

        private sealed record Summary(
            string Framework, YotReference Yot, int Cases, int Judgements, int Revisions, int Moderations, int QaSampled, int QaOverturned, bool Published);

        public LoadedDataset ToLoaded(long stored, PhaseClock setUp, PhaseClock changes, PhaseClock qa, TimeSpan total) => new(
            new DatasetFacts(
                Summaries.Count,
                Summaries.Select(s => s.Yot.Code).Distinct().Count(),
                Summaries.Select(s => s.Yot.Region).Distinct().Count(),
                Summaries.GroupBy(s => s.Framework).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
                Summaries.Sum(s => (long)s.Cases),
                Summaries.Sum(s => (long)s.Judgements),
                Summaries.Sum(s => (long)s.Revisions),
                Summaries.Sum(s => (long)s.Moderations),
                new QaFacts(Summaries.Count(s => s.QaSampled > 0), Summaries.Sum(s => (long)s.QaSampled), Summaries.Sum(s => (long)s.QaOverturned),
                    new PhaseFigure(QaRequests, qa.Elapsed.TotalSeconds)),
                Summaries.Count(s => s.Published),
                stored,
                $"{largest!.Id} ({largest.FrameworkId}, {largest.Yot.Code}, {largest.Cases.Count} cases, {largest.EventCount:N0} events)",
                new PhaseFigure(SetUpRequests, setUp.Elapsed.TotalSeconds),
                new PhaseFigure(ChangeRequests, changes.Elapsed.TotalSeconds),
                total.TotalSeconds),
            largest,
            midLoadAt ?? DateTimeOffset.UtcNow);
    }
}
