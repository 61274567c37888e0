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
/// the time from its 2xx (commit) to the first attempt at its delivery reaching the receiver: the outbox, the
/// local queue, the dispatcher's claim and the POST. The baseline is the same load on plain tables, each notifiable
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

    public const int Subscriptions = 10;
    public const string Client = "bench-reporting-client";

    /// <summary>Untimed writes of each kind first, after the API's restart by the sealing measure.</summary>
    private const int Warm = 10;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(60);

    private const string NoticeBaseline = "the same load on plain tables, each notifiable write an event row inserted with a pg_notify in the same " +
                                          "statement, from its commit to the notification's arrival on a LISTENing connection: PostgreSQL's own fastest commit-to-notice path";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var (api, options) = (context.Api, context.Options);
        var random = new Random(Draws.SeedFor(options.Seed, -9));
        var draws = new AnswerDraws(random);
        var framework = context.Frameworks.Latest(UniformInspection.FrameworkId)!;
        var writes = 3 * options.Samples;
        var notices = (int)(NoticesPerSecond * options.LagDuration.TotalSeconds * 1.2);

        await using var receiver = await BenchReceiver.StartAsync(cancellation);
        var (lagged, laggedJudgements) = await PublishedAsync(context, random, notices, "webhook-lag", cancellation);
        var (paced, pacedJudgements) = await PublishedAsync(context, random, Warm + 2 * writes, "webhook-writes", cancellation);
        var (open, recordings) = UniformInspection.Plan(context.Frameworks, random, Warm + 2 * writes, 1, "webhook-judgements");
        var (load, loadJudgements) = UniformInspection.Plan(context.Frameworks, random, (int)(ViewLag.WritesPerSecond * options.LagDuration.TotalSeconds * 1.2),
            ViewLag.Writers, "webhook-load");
        await api.SendInOrderAsync([api.Register(open.Yot), .. api.OpenForJudgements(open), api.Register(load.Yot), .. api.OpenForJudgements(load)], cancellation);
        context.Log("webhooks: inspections prepared");

        PlannedChange Correction(PlannedInspection inspection, PlannedJudgement judgement)
        {
            var (answer, reasons) = draws.TurnOver(judgement.Answer, framework.FindQuestion(judgement.QuestionId)!);
            return new PlannedChange(judgement.Id, judgement.CaseId, judgement.QuestionId, answer, reasons, draws.Rationale(), 1, inspection.Lead);
        }
        var corrections = pacedJudgements.Select(j => api.Correct(paced.Id, paced.Lead, Correction(paced, j))).ToList();
        var records = recordings.Select(j => api.Record(open.Id, j)).ToList();
        await api.SendInOrderAsync([.. corrections.Take(Warm), .. records.Take(Warm)], cancellation);
        var none = (Corrections: await PacedAsync(api, corrections[Warm..(Warm + writes)], NoticesPerSecond, cancellation),
            Judgements: await PacedAsync(api, records[Warm..(Warm + writes)], ViewLag.WritesPerSecond, cancellation));

        var subscriptions = new List<Guid>();
        try
        {
            subscriptions.Add(await SubscribeAsync(api, receiver.Url("/lag"), [NoticeKinds.JudgementCorrected], cancellation));
            var laggedChanges = laggedJudgements.Select(j => Correction(lagged, j)).ToList();
            var raw = await RawLagAsync(context, load, loadJudgements, lagged, laggedJudgements, laggedChanges, cancellation);
            var product = await CommitToNoticeAsync(context, loadJudgements.Count, laggedChanges.Count,
                (i, ct) => api.SendAsync(api.Record(load.Id, loadJudgements[i]), ct),
                async (i, ct) =>
                {
                    await api.SendAsync(api.Correct(lagged.Id, lagged.Lead, laggedChanges[i]), ct);
                    var committedAt = Stopwatch.GetTimestamp();
                    return (new Notice("/lag", lagged.Id, await StreamVersionAsync(context.Product, lagged.Id, laggedChanges[i].JudgementId, ct)), committedAt);
                },
                notice => receiver.ArrivalOf(notice), cancellation);
            await api.SendAsync(api.Unsubscribe(Client, subscriptions[0]), cancellation);
            subscriptions.Clear();
            context.Log("webhooks: commit to delivery timed");

            for (var i = 0; i < Subscriptions; i++)
                subscriptions.Add(await SubscribeAsync(api, receiver.Url($"/ten/{i}"), null, cancellation));
            var tenCorrections = await PacedAsync(api, corrections[(Warm + writes)..], NoticesPerSecond, cancellation);
            // Every delivery the corrections enrolled arrives before the judgements are timed, so those time the
            // write alone, not the write beside a queue of deliveries draining on the same cores.
            await UntilAsync(() => receiver.Count(n => n.Path.StartsWith("/ten/", StringComparison.Ordinal) && n.InspectionId == paced.Id) >= Subscriptions * writes,
                $"{Subscriptions * writes} deliveries of the paced corrections", cancellation);
            var tenJudgements = await PacedAsync(api, records[(Warm + writes)..], ViewLag.WritesPerSecond, cancellation);

            var lagNote = $"{product.Lags.Count} corrections of a published inspection's judgements at {NoticesPerSecond}/s, one subscription, under " +
                          $"{ViewLag.WritesPerSecond} single judgements/s from {ViewLag.Writers} clients for {options.LagDuration.TotalSeconds:0} s; " +
                          $"{product.Early} of them reached the receiver before their 2xx was read (raw: {raw.Early} before the commit returned)";
            var tenWork = "the same requests with no subscription (× raw is ten subscriptions' cost over none), one client at a steady rate";
            return
            [
                new(Name, "commit to first delivery attempt: p50", "ms", false, product.Lags.P50, raw.Lags.P50, NoticeBaseline, Note: lagNote),
                new(Name, "commit to first delivery attempt: p99", "ms", false, product.Lags.P99, raw.Lags.P99, NoticeBaseline),
                new(Name, "correction, ten subscriptions over none: p50", "ms", false, tenCorrections.P50, none.Corrections.P50, tenWork,
                    Note: $"{writes} corrections at {NoticesPerSecond}/s each way; with ten subscriptions (all kinds) each enrols ten deliveries in its transaction, " +
                          $"and {receiver.Deliveries:N0} deliveries in all reached the receiver in {receiver.Requests:N0} requests"),
                new(Name, "correction, ten subscriptions over none: p99", "ms", false, tenCorrections.P99, none.Corrections.P99, tenWork),
                new(Name, "single judgement, ten subscriptions over none: p50", "ms", false, tenJudgements.P50, none.Judgements.P50, tenWork,
                    Note: $"{writes} single judgements at {ViewLag.WritesPerSecond}/s each way; they give no notice, so only the look for one is added"),
                new(Name, "single judgement, ten subscriptions over none: p99", "ms", false, tenJudgements.P99, none.Judgements.P99, tenWork),
            ];
        }
        finally
        {
            // Later measures, and later runs on this database, write with no subscription listening.
            foreach (var id in subscriptions) await api.SendAsync(api.Unsubscribe(Client, id), CancellationToken.None);
        }
    }

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
                await RawNotices.WriteAsync(context.Raw, RawNotices.Correction(lagged.Id, i + 1, changes[i], Answers.Parse(judgements[i].Answer)!.Value, lagged.Lead), payload, ct);
                return (payload, Stopwatch.GetTimestamp());
            },
            notices.ArrivalOf, cancellation);
    }

    /// <summary>The view-lag load and the notifiable writes at once, for the set duration; then every notice's
    /// lag from its write's commit to its arrival, once all have arrived.</summary>
    private static async Task<(Latencies Lags, int Early)> CommitToNoticeAsync<TKey>(BenchContext context, int loads, int notices,
        Func<int, CancellationToken, Task> loadWrite, Func<int, CancellationToken, Task<(TKey Key, long CommittedAt)>> noticeWrite,
        Func<TKey, long?> arrivalOf, CancellationToken cancellation)
    {
        var duration = context.Options.LagDuration;
        var committed = new ConcurrentBag<(TKey Key, long CommittedAt)>();
        await Task.WhenAll(
            SteadyRate.RunAsync(loads, ViewLag.Writers, ViewLag.WritesPerSecond, duration, loadWrite, cancellation),
            SteadyRate.RunAsync(notices, 1, NoticesPerSecond, duration, async (i, ct) => committed.Add(await noticeWrite(i, ct)), cancellation));
        await UntilAsync(() => committed.All(write => arrivalOf(write.Key) is not null), $"the notices of {committed.Count} writes", cancellation);

        var lags = new Latencies();
        var early = 0;
        foreach (var (key, committedAt) in committed)
        {
            var lag = Stopwatch.GetElapsedTime(committedAt, arrivalOf(key)!.Value).TotalMilliseconds;
            if (lag < 0) early++;
            lags.Add(lag);
        }
        return (lags, early);
    }

    private static async Task<Latencies> PacedAsync(ApiClient api, IReadOnlyList<PreparedRequest> requests, int perSecond, CancellationToken cancellation)
    {
        var latencies = new Latencies();
        await SteadyRate.RunAsync(requests.Count, 1, perSecond, null, (i, ct) => latencies.TimeAsync(() => api.SendAsync(requests[i], ct)), cancellation);
        return latencies;
    }

    private static async Task<Guid> SubscribeAsync(ApiClient api, Uri url, IReadOnlyList<string>? kinds, CancellationToken cancellation) =>
        (await api.ReadAsync<SubscriptionView>(api.Subscribe(Client, url, kinds), cancellation)).Id;

    /// <summary>The stream version the correction took, which its delivery names.</summary>
    private static async Task<long> StreamVersionAsync(NpgsqlDataSource product, Guid inspectionId, Guid judgementId, CancellationToken cancellation)
    {
        await using var command = product.CreateCommand($"select max(version) from {EventStoreSetup.Schema}.mt_events where stream_id = $1 and data ->> 'judgementId' = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = inspectionId });
        command.Parameters.Add(new NpgsqlParameter { Value = judgementId.ToString() });
        return await command.ExecuteScalarAsync(cancellation) is long version ? version : throw new BenchFailure($"No event for judgement {judgementId}.");
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
