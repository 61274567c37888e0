using System.Diagnostics.Metrics;

namespace CaseLedger.Api.Telemetry;

/// <summary>
/// CaseLedger's own figures, beside what ASP.NET Core, Npgsql, Marten and Wolverine emit: how far each async
/// projection and the signed log are behind the events (sampled by <see cref="LagSampler"/>, because reading them
/// takes the database and a collection must not), and how long a webhook waits and how its attempts end.
/// </summary>
public sealed class CaseLedgerMetrics
{
    public const string MeterName = "CaseLedger";

    // Retries run from 10 s to 8 h apart over about 31 hours, so the buckets span sub-second to a day and more.
    private static readonly double[] DeliveryLagBuckets =
        [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800, 3600, 4 * 3600, 8 * 3600, 16 * 3600, 32 * 3600];

    private readonly Histogram<double> deliveryLag;
    private readonly Counter<long> deliveryAttempts;
    private volatile LagSample? lag;

    /// <summary>What <see cref="LagSampler"/> last read; none while the database cannot be read, so a stale
    /// figure never passes for a current one.</summary>
    public sealed record LagSample(IReadOnlyList<(string View, long Behind)> Views, long Unsealed);

    public CaseLedgerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("caseledger.view.lag", ViewLag, "{event}",
            "Events committed that the async projection (view, change feed, sealer) has not applied yet.");
        meter.CreateObservableGauge("caseledger.ledger.unsealed", Unsealed, "{event}",
            "Events committed that no signed tree head covers yet.");
        deliveryLag = meter.CreateHistogram("caseledger.webhook.delivery.lag", "s",
            "From the write that enrolled a webhook delivery (the event's recording) to an attempt at it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DeliveryLagBuckets });
        deliveryAttempts = meter.CreateCounter<long>("caseledger.webhook.delivery.attempts", "{attempt}",
            "Webhook delivery attempts by what followed: delivered, retrying, failed (retries used up), held (subscription disabled), superseded.");
    }

    public void Sampled(LagSample? sample) => lag = sample;

    public void RecordDeliveryAttempt(string kind, TimeSpan sinceEnrolled, string outcome)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", kind);
        deliveryLag.Record(Math.Max(0, sinceEnrolled.TotalSeconds), kindTag);
        deliveryAttempts.Add(1, kindTag, new KeyValuePair<string, object?>("outcome", outcome));
    }

    private IEnumerable<Measurement<long>> ViewLag() =>
        lag?.Views.Select(view => new Measurement<long>(view.Behind, new KeyValuePair<string, object?>("view", view.View))) ?? [];

    private IEnumerable<Measurement<long>> Unsealed() =>
        lag is { } sample ? [new Measurement<long>(sample.Unsealed)] : [];
}
