using System.Collections.Concurrent;
using System.Diagnostics;
using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Notifications;
using CaseLedger.Api.Notifications.Subscriptions;
using CaseLedger.Bench.Stats;
using Npgsql;
using Notice = CaseLedger.Bench.Measures.BenchReceiver.Notice;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Measure 9: webhooks, to a receiver inside the bench on loopback. First, under the view-lag load (single
/// judgements at its rate from its clients), corrections of a published judgement at a steady rate, and for each
/// the time from its commit to the first attempt at its delivery reaching the receiver: the outbox, the local
/// queue, the dispatcher's claim and the POST. The zero is the event's recorded time, which the database takes in
/// the writing transaction a few milliseconds before it commits, on the wall clock the receiver reads too (one machine): a
/// client's own "commit" (its 2xx) comes after the database has already sent the notice, and a raw notification
/// often arrives before it. The baseline is the same load on plain tables, each notifiable
/// write an event row with a <c>pg_notify</c> in its own transaction, heard on a LISTENing connection. Then what
/// subscriptions cost the write: corrections (which enrol a delivery per subscription in their transaction) and
/// single judgements (which give no notice) with ten subscriptions, beside the same with none.
/// </summary>
public sealed class WebhookLatency : IMeasure
{
    public string Name => "9. webhooks";

    /// <summary>Notifiable writes per second: corrections are rare, and at this rate ten subscriptions' deliveries
    /// keep up, so the write-path figures time the write, not a queue of deliveries behind it.</summary>
    public const int NoticesPerSecond = 20;

    public const string Client = "bench-reporting-client";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(60);

    private const string NoticeBaseline = "the same load on plain tables, each notifiable write an event row inserted with a pg_notify in the same " +
                                          "statement, from the row's recorded time to the notification's arrival on a LISTENing connection: PostgreSQL's own fastest commit-to-notice path";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var (api, options) = (context.Api, context.Options);
        var random = new Random(Draws.SeedFor(options.Seed, -9));
        var draws = new AnswerDraws(random);
        var framework = context.Frameworks.Latest(UniformInspection.FrameworkId)!;
        // The samples each way, as every other latency figure takes: the corrections are paced at 20/s, so each
        // hundred costs ten seconds of the run (five each way), which the default run's ten minutes cannot spare twice.
        var writes = options.Samples;
        var duration = DeliveryRunFor(options);
        var notices = (int)(NoticesPerSecond * duration.TotalSeconds * 1.2);

        await using var receiver = await BenchReceiver.StartAsync(cancellation);
        var (lagged, laggedJudgements) = await PublishedAsync(context, random, notices, "webhook-lag", cancellation);
        var (paced, pacedJudgements) = await PublishedAsync(context, random, WebhookWriteCost.WritesNeeded(writes), "webhook-writes", cancellation);
        var (open, recordings) = UniformInspection.Plan(context.Frameworks, random, WebhookWriteCost.WritesNeeded(writes), 1, "webhook-judgements");
        var (load, loadJudgements) = UniformInspection.Plan(context.Frameworks, random, (int)(ViewLag.WritesPerSecond * duration.TotalSeconds * 1.2),
            ViewLag.Writers, "webhook-load");
        var (warm, warmJudgements) = await PublishedAsync(context, random, WebhookWriteCost.Warm, "webhook-warm-up", cancellation);
        await api.SendInOrderAsync([api.Register(open.Yot), .. api.OpenForJudgements(open), api.Register(load.Yot), .. api.OpenForJudgements(load)], cancellation);
        context.Log("webhooks: inspections prepared");

        PlannedChange Correction(PlannedInspection inspection, PlannedJudgement judgement)
        {
            var (answer, reasons) = draws.TurnOver(judgement.Answer, framework.FindQuestion(judgement.QuestionId)!);
            return new PlannedChange(judgement.Id, judgement.CaseId, judgement.QuestionId, answer, reasons, draws.Rationale(), 1, inspection.Lead);
        }
        var corrections = pacedJudgements.Select(j => api.Correct(paced.Id, paced.Lead, Correction(paced, j))).ToList();
        var records = recordings.Select(j => api.Record(open.Id, j)).ToList();
        var subscriptions = new List<Guid>();
        try
        {
            var warmChanges = warmJudgements.Select(j => Correction(warm, j)).ToList();
            subscriptions.Add(await SubscribeAsync(api, receiver.Url("/lag"), [NoticeKinds.JudgementCorrected], cancellation));
            var laggedChanges = laggedJudgements.Select(j => Correction(lagged, j)).ToList();
            await WarmUpAsync(context, receiver, warm, warmChanges, cancellation);
            var raw = await RawLagAsync(context, load, loadJudgements, lagged, laggedJudgements, laggedChanges, cancellation);
            var product = await CommitToNoticeAsync(context, loadJudgements.Count, laggedChanges.Count,
                (i, ct) => api.SendAsync(api.Record(load.Id, loadJudgements[i]), ct),
                async (i, ct) =>
                {
                    await api.SendAsync(api.Correct(lagged.Id, lagged.Lead, laggedChanges[i]), ct);
                    var (version, recorded) = await RecordedAsync(context.Product, lagged.Id, laggedChanges[i].JudgementId, ct);
                    return (new Notice("/lag", lagged.Id, version), recorded);
                },
                notice => receiver.ArrivalOf(notice), cancellation);
            await api.SendAsync(api.Unsubscribe(Client, subscriptions[0]), cancellation);
            subscriptions.Clear();
            context.Log("webhooks: commit to delivery timed");

            var cost = await WebhookWriteCost.MeasureAsync(context, receiver.Url("/"), corrections, records, writes, NoticesPerSecond, ViewLag.WritesPerSecond, cancellation);
            context.Log("webhooks: write path timed");

            var lagNote = $"{product.Lags.Count} corrections of a published inspection's judgements at {NoticesPerSecond}/s, one subscription, under " +
                          $"{ViewLag.WritesPerSecond} single judgements/s from {ViewLag.Writers} clients for {duration.TotalSeconds:0} s; " +
                          $"timed from each event's recorded time (in its transaction, just before commit); {product.Early + raw.Early} arrived before it, which would be a clock fault";
            var tenWork = "the same requests with no subscription, in alternating blocks (× raw is ten subscriptions' cost over none), one client at a steady rate, deliveries held";
            return
            [
                new(Name, "commit to first delivery attempt: p50", "ms", false, product.Lags.P50, raw.Lags.P50, NoticeBaseline, Note: lagNote),
                new(Name, "commit to first delivery attempt: p99", "ms", false, product.Lags.P99, raw.Lags.P99, NoticeBaseline),
                new(Name, "correction, ten subscriptions over none: p50", "ms", false, cost.TenCorrections.P50, cost.NoneCorrections.P50, tenWork,
                    Note: $"{cost.TenCorrections.Count} corrections at {NoticesPerSecond}/s each way in {WebhookWriteCost.Blocks} blocks, " +
                          (cost.Held ? "the API restarted with deliveries held so the write is timed without the delivering beside it; " : "deliveries running beside (no API to restart); ") +
                          $"with ten subscriptions (all kinds) each enrolled ten deliveries in its transaction " +
                          $"({cost.Enrolled:N0} counted in the delivery logs)"),
                new(Name, "correction, ten subscriptions over none: p99", "ms", false, cost.TenCorrections.P99, cost.NoneCorrections.P99, tenWork),
                new(Name, "single judgement, ten subscriptions over none: p50", "ms", false, cost.TenJudgements.P50, cost.NoneJudgements.P50, tenWork,
                    Note: $"{cost.TenJudgements.Count} single judgements at {ViewLag.WritesPerSecond}/s each way; they give no notice, so only the look for one is added"),
                new(Name, "single judgement, ten subscriptions over none: p99", "ms", false, cost.TenJudgements.P99, cost.NoneJudgements.P99, tenWork),
            ];
        }
        finally
        {
            // Later measures, and later runs on this database, write with no subscription listening.
            foreach (var id in subscriptions) await api.SendAsync(api.Unsubscribe(Client, id), CancellationToken.None);
        }
    }

    /// <summary>
    /// The sealing measure has just restarted the API, and nothing since has corrected a published judgement or
    /// delivered one, so the first timed deliveries waited for that code to be generated (Development generates
    /// handlers on first use; production loads them ready-made) and compiled: at 100,000 events, in one hour, 742 ms
    /// p99 and 53.9 ms p50 without these, 86.8 and 18.7 with them. As many as the write path warms up with go first,
    /// each delivered before the next is sent, to the subscription the timed ones use.
    /// </summary>
    private static async Task WarmUpAsync(BenchContext context, BenchReceiver receiver, PlannedInspection warm, IReadOnlyList<PlannedChange> changes,
        CancellationToken cancellation)
    {
        foreach (var change in changes)
        {
            await context.Api.SendAsync(context.Api.Correct(warm.Id, warm.Lead, change), cancellation);
            var (version, _) = await RecordedAsync(context.Product, warm.Id, change.JudgementId, cancellation);
            var notice = new Notice("/lag", warm.Id, version);
            await UntilAsync(() => receiver.ArrivalOf(notice) is not null, "the warm-up's notice", cancellation);
        }
    }

    /// <summary>Long enough for as many notices as any other figure has samples (five seconds at the defaults), and no
    /// longer than the view-lag run: each side of this run took the view-lag run's ten seconds before, twice a scale.</summary>
    private static TimeSpan DeliveryRunFor(BenchOptions options) =>
        TimeSpan.FromSeconds(Math.Min(options.LagDuration.TotalSeconds, Math.Ceiling((double)options.Samples / NoticesPerSecond)));

    private static async Task<(PlannedInspection, IReadOnlyList<PlannedJudgement>)> PublishedAsync(
        BenchContext context, Random random, int judgements, string label, CancellationToken cancellation)
    {
        var api = context.Api;
        var (inspection, planned) = UniformInspection.Plan(context.Frameworks, random, judgements, 1, label);
        await api.SendInOrderAsync(
        [
            api.Register(inspection.Yot), .. api.OpenForJudgements(inspection),
            .. planned.Chunk(context.Options.BatchSize).Select(chunk => api.Batch(inspection.Id, inspection.Inspectors[0], chunk)),
            api.CloseWeek(inspection, 1), api.Publish(inspection),
        ], cancellation);
        return (inspection, planned);
    }

    private static async Task<(Latencies Lags, int Early)> RawLagAsync(BenchContext context, PlannedInspection load, IReadOnlyList<PlannedJudgement> loadJudgements,
        PlannedInspection lagged, IReadOnlyList<PlannedJudgement> judgements, IReadOnlyList<PlannedChange> changes, CancellationToken cancellation)
    {
        await using var notices = await RawNotices.ListenAsync(context.Raw.Data, cancellation);
        return await CommitToNoticeAsync(context, loadJudgements.Count, changes.Count,
            (i, ct) => context.Raw.InsertAsync(RawEvents.Recorded(load.Id, i + 1, loadJudgements[i], Roles.Inspector, 1, Guid.NewGuid().ToString("N")),
                RawEvents.Current(load.Id, loadJudgements[i], 1), ct),
            async (i, ct) =>
            {
                var payload = $"{lagged.Id}:{i + 1}";
                var recorded = await RawNotices.WriteAsync(context.Raw, RawNotices.Correction(lagged.Id, i + 1, changes[i], Answers.Parse(judgements[i].Answer)!.Value, lagged.Lead), payload, ct);
                return (payload, recorded);
            },
            notices.ArrivalOf, cancellation);
    }

    /// <summary>The view-lag load and the notifiable writes at once, for the set duration; then every notice's
    /// lag from its write's commit to its arrival, once all have arrived.</summary>
    private static async Task<(Latencies Lags, int Early)> CommitToNoticeAsync<TKey>(BenchContext context, int loads, int notices,
        Func<int, CancellationToken, Task> loadWrite, Func<int, CancellationToken, Task<(TKey Key, DateTimeOffset Recorded)>> noticeWrite,
        Func<TKey, DateTimeOffset?> arrivalOf, CancellationToken cancellation)
    {
        var duration = DeliveryRunFor(context.Options);
        var committed = new ConcurrentBag<(TKey Key, DateTimeOffset Recorded)>();
        await Task.WhenAll(
            SteadyRate.RunAsync(loads, ViewLag.Writers, ViewLag.WritesPerSecond, duration, loadWrite, cancellation),
            SteadyRate.RunAsync(notices, 1, NoticesPerSecond, duration, async (i, ct) => committed.Add(await noticeWrite(i, ct)), cancellation));
        await UntilAsync(() => committed.All(write => arrivalOf(write.Key) is not null), $"the notices of {committed.Count} writes", cancellation);

        var lags = new Latencies();
        var early = 0;
        foreach (var (key, recorded) in committed)
        {
            var lag = (arrivalOf(key)!.Value - recorded).TotalMilliseconds;
            if (lag < 0) early++;
            lags.Add(lag);
        }
        return (lags, early);
    }

    private static async Task<Guid> SubscribeAsync(ApiClient api, Uri url, IReadOnlyList<string>? kinds, CancellationToken cancellation) =>
        (await api.ReadAsync<SubscriptionView>(api.Subscribe(Client, url, kinds), cancellation)).Id;

    /// <summary>The stream version the correction took, which its delivery names, and its recorded time.</summary>
    private static async Task<(long Version, DateTimeOffset Recorded)> RecordedAsync(NpgsqlDataSource product, Guid inspectionId, Guid judgementId, CancellationToken cancellation)
    {
        await using var command = product.CreateCommand(
            $"select version, timestamp from {EventStoreSetup.Schema}.mt_events where stream_id = $1 and data ->> 'judgementId' = $2 order by version desc limit 1");
        command.Parameters.Add(new NpgsqlParameter { Value = inspectionId });
        command.Parameters.Add(new NpgsqlParameter { Value = judgementId.ToString() });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        if (!await reader.ReadAsync(cancellation)) throw new BenchFailure($"No event for judgement {judgementId}.");
        return (reader.GetInt64(0), new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc)));
    }

    private static async Task UntilAsync(Func<bool> holds, string what, CancellationToken cancellation)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(DeliveryLimit.TotalSeconds * Stopwatch.Frequency);
        while (!holds())
        {
            if (Stopwatch.GetTimestamp() > deadline) throw new BenchFailure($"Not all of {what} arrived within {DeliveryLimit.TotalSeconds:0} s.");
            await Task.Delay(Poll, cancellation);
        }
    }
}
