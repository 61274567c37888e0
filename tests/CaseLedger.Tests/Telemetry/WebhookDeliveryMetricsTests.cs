using CaseLedger.Api.Notifications;
using CaseLedger.Tests.Notifications;

namespace CaseLedger.Tests.Telemetry;

/// <summary>Each attempt the dispatcher records moves the delivery-lag histogram and the attempts counter under
/// what followed it. Other tests deliver too, so each asserts growth, never a total.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookDeliveryMetricsTests(AppFixture app)
{
    private const string Lag = "caseledger_webhook_delivery_lag_seconds_count";
    private const string Attempts = "caseledger_webhook_delivery_attempts_total";
    private const string Published = $"kind=\"{NoticeKinds.InspectionPublished}\"";

    [Fact]
    public async Task A_delivery_moves_the_lag_histogram_and_counts_as_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await app.Host.Subscribe(receiver.Url(), [NoticeKinds.InspectionPublished]);
        var before = await app.Host.Scrape();

        // When
        var (id, _) = await app.Host.GivenPublished();
        await receiver.NextAsync(r => r.InspectionOf() == id);

        // Then
        var after = await app.Host.ScrapeWhen(text => Scrapes.Sum(text, Lag, Published) > Scrapes.Sum(before, Lag, Published));
        Assert.True(Scrapes.Sum(after, Attempts, Published, "outcome=\"delivered\"") > Scrapes.Sum(before, Attempts, Published, "outcome=\"delivered\""));
        Assert.Contains("caseledger_webhook_delivery_lag_seconds_bucket{", after);
        // Wolverine handled the delivery's message, and counts it under its own meter.
        Assert.Contains("# TYPE wolverine_", after);
    }

    [Fact]
    public async Task A_refused_attempt_counts_as_retrying()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(500);
        await app.Host.Subscribe(receiver.Url(), [NoticeKinds.InspectionPublished]);
        var before = await app.Host.Scrape();

        var (id, _) = await app.Host.GivenPublished();
        await receiver.NextAsync(r => r.InspectionOf() == id && r.AnsweredWith == 500);

        await app.Host.ScrapeWhen(text =>
            Scrapes.Sum(text, Attempts, Published, "outcome=\"retrying\"") > Scrapes.Sum(before, Attempts, Published, "outcome=\"retrying\""));
    }
}
