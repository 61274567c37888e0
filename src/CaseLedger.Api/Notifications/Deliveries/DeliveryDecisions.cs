using CaseLedger.Api.Notifications.Subscriptions;

namespace CaseLedger.Api.Notifications.Deliveries;

/// <summary>
/// What happens to a delivery and its subscription after an attempt, decided purely: delivered; retried after the
/// next wait of the schedule; failed once the schedule is used up; or, when the subscription has failed too many
/// times in a row, held with the subscription disabled. A finished delivery lets the next of its stream go.
/// </summary>
public static class DeliveryDecisions
{
    public sealed record AfterAttempt(WebhookDelivery Delivery, Subscription Subscription, TimeSpan? RetryIn, bool ReleasesNext);

    public static AfterAttempt After(WebhookDelivery delivery, Subscription subscription, DeliveryAttempt attempt, WebhookSettings settings, DateTimeOffset now)
    {
        var logged = delivery with { Attempts = [.. delivery.Attempts, attempt], NextAttemptAt = null };
        if (attempt.Succeeded)
            return new AfterAttempt(
                logged with { State = DeliveryState.Delivered, Note = null },
                subscription with { FailuresInARow = 0 }, RetryIn: null, ReleasesNext: true);

        var failures = delivery.FailuresSinceStart + 1;
        var inARow = subscription.FailuresInARow + 1;
        logged = logged with { FailuresSinceStart = failures };
        if (inARow >= settings.DisableAfterFailures)
        {
            var reason = $"Disabled after {inARow} failed attempts in a row; the last: {Describe(attempt)}.";
            return new AfterAttempt(
                logged with { State = DeliveryState.Held, Note = "Held: " + reason },
                subscription with { FailuresInARow = inARow, Disabled = true, DisabledAt = now, DisabledReason = reason },
                RetryIn: null, ReleasesNext: false);
        }
        var failed = subscription with { FailuresInARow = inARow };
        if (failures > settings.RetryDelays.Count)
            return new AfterAttempt(
                logged with { State = DeliveryState.Failed, Note = $"Gave up after {failures} attempts; redeliver it to try again." },
                failed, RetryIn: null, ReleasesNext: true);

        var wait = settings.RetryDelays[failures - 1];
        return new AfterAttempt(
            logged with { State = DeliveryState.Pending, Ticket = delivery.Ticket + 1, NextAttemptAt = now + wait, Note = null },
            failed, wait, ReleasesNext: false);
    }

    /// <summary>A subscriber asks for a delivery again: it starts afresh, whatever became of it, under the same id,
    /// and a disabled subscription is enabled again (the subscriber says its receiver is back).</summary>
    public static (WebhookDelivery Delivery, Subscription Subscription) Redeliver(WebhookDelivery delivery, Subscription subscription) =>
        (delivery with { State = DeliveryState.Pending, Ticket = delivery.Ticket + 1, FailuresSinceStart = 0, NextAttemptAt = null, Note = "Redelivery asked for." },
         subscription with { Disabled = false, DisabledAt = null, DisabledReason = null, FailuresInARow = 0 });

    /// <summary>An attempt overtaken by a redelivery: logged, but the newer turn decides what follows.</summary>
    public const string Superseded = "superseded";

    /// <summary>What an attempt led to, in the words the delivery-attempts metric counts it under.</summary>
    public static string Outcome(WebhookDelivery after) => after.State switch
    {
        DeliveryState.Delivered => "delivered",
        DeliveryState.Pending => "retrying",
        DeliveryState.Failed => "failed",
        DeliveryState.Held => "held",
        var other => other.ToString().ToLowerInvariant(),
    };

    public static string Describe(DeliveryAttempt attempt) =>
        attempt.StatusCode is { } status ? $"the receiver answered {status}" : attempt.Error ?? "no answer";
}
