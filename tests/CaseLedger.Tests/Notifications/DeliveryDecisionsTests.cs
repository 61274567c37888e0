using CaseLedger.Api.Notifications;
using CaseLedger.Api.Notifications.Deliveries;
using CaseLedger.Api.Notifications.Subscriptions;

namespace CaseLedger.Tests.Notifications;

public sealed class DeliveryDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly WebhookSettings Settings = new() { DisableAfterFailures = 30 };

    private static readonly Subscription Subscription = new()
    {
        Id = Guid.NewGuid(), Owner = "client", Url = "https://reports.example/hook", Kinds = NoticeKinds.All,
        Secret = WebhookSignature.NewSecret(), CreatedAt = Now,
    };

    private static readonly WebhookDelivery Delivery = new()
    {
        Id = Guid.NewGuid(), SubscriptionId = Subscription.Id, Kind = NoticeKinds.InspectionPublished, StreamId = Guid.NewGuid(),
        StreamVersion = 7, Yot = "lambeth", Body = "{}", EnrolledAt = Now,
    };

    private static DeliveryAttempt Failed(int? status = 500) => new(Now, status, 12, status is null ? "Connection refused" : null);

    [Fact]
    public void The_default_schedule_retries_for_more_than_a_day_each_wait_at_least_the_one_before()
    {
        var delays = new WebhookSettings().RetryDelays;
        Assert.True(delays.Aggregate(TimeSpan.Zero, (sum, delay) => sum + delay) >= TimeSpan.FromHours(24));
        Assert.Equal(delays.OrderBy(d => d), delays);
    }

    [Fact]
    public void A_success_delivers_lets_the_next_go_and_clears_the_run_of_failures()
    {
        var after = DeliveryDecisions.After(Delivery, Subscription with { FailuresInARow = 4 }, new DeliveryAttempt(Now, 204, 3, null), Settings, Now);
        Assert.Equal(DeliveryState.Delivered, after.Delivery.State);
        Assert.True(after.ReleasesNext);
        Assert.Null(after.RetryIn);
        Assert.Equal(0, after.Subscription.FailuresInARow);
        Assert.Single(after.Delivery.Attempts);
    }

    [Theory]
    [InlineData(299, true)]
    [InlineData(300, false)]
    [InlineData(199, false)]
    [InlineData(200, true)]
    public void Only_a_2xx_is_a_success(int status, bool succeeded) => Assert.Equal(succeeded, new DeliveryAttempt(Now, status, 1, null).Succeeded);

    [Fact]
    public void Each_failure_waits_the_next_delay_under_a_new_ticket_until_the_schedule_is_used_up()
    {
        var delivery = Delivery;
        var subscription = Subscription;
        foreach (var delay in Settings.RetryDelays)
        {
            var after = DeliveryDecisions.After(delivery, subscription, Failed(), Settings, Now);
            Assert.Equal(delay, after.RetryIn);
            Assert.Equal(DeliveryState.Pending, after.Delivery.State);
            Assert.Equal(delivery.Ticket + 1, after.Delivery.Ticket);
            Assert.Equal(Now + delay, after.Delivery.NextAttemptAt);
            Assert.False(after.ReleasesNext);
            (delivery, subscription) = (after.Delivery, after.Subscription);
        }
        var gaveUp = DeliveryDecisions.After(delivery, subscription, Failed(null), Settings, Now);
        Assert.Equal(DeliveryState.Failed, gaveUp.Delivery.State);
        Assert.True(gaveUp.ReleasesNext);
        Assert.Null(gaveUp.RetryIn);
        Assert.Equal(Settings.RetryDelays.Count + 1, gaveUp.Delivery.Attempts.Count);
        Assert.Equal(Settings.RetryDelays.Count + 1, gaveUp.Subscription.FailuresInARow);
    }

    [Fact]
    public void The_failure_that_completes_the_run_disables_the_subscription_and_holds_the_delivery()
    {
        var after = DeliveryDecisions.After(Delivery, Subscription with { FailuresInARow = 29 }, Failed(503), Settings, Now);
        Assert.True(after.Subscription.Disabled);
        Assert.Equal(Now, after.Subscription.DisabledAt);
        Assert.Contains("30 failed attempts in a row", after.Subscription.DisabledReason);
        Assert.Contains("answered 503", after.Subscription.DisabledReason);
        Assert.Equal(DeliveryState.Held, after.Delivery.State);
        Assert.False(after.ReleasesNext);
        Assert.Null(after.RetryIn);
    }

    [Fact]
    public void A_redelivery_starts_afresh_under_a_new_ticket_and_enables_the_subscription()
    {
        var failed = Delivery with { State = DeliveryState.Failed, FailuresSinceStart = 12, Ticket = 13 };
        var (delivery, subscription) = DeliveryDecisions.Redeliver(failed, Subscription with { Disabled = true, DisabledReason = "x", FailuresInARow = 30 });
        Assert.Equal(DeliveryState.Pending, delivery.State);
        Assert.Equal(14, delivery.Ticket);
        Assert.Equal(0, delivery.FailuresSinceStart);
        Assert.Equal(Delivery.WebhookId, delivery.WebhookId);
        Assert.False(subscription.Disabled);
        Assert.Equal(0, subscription.FailuresInARow);
    }
}
