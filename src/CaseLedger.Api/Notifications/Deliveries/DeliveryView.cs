namespace CaseLedger.Api.Notifications.Deliveries;

/// <summary>A delivery as the subscriber's log shows it: what it carries, where it stands, and every attempt.</summary>
public sealed record DeliveryView(
    Guid Id, string WebhookId, string Kind, Guid? InspectionId, string Yot, string State, DateTimeOffset EnrolledAt,
    DateTimeOffset? NextAttemptAt, string? Note, IReadOnlyList<DeliveryAttempt> Attempts)
{
    public static DeliveryView Of(WebhookDelivery delivery) => new(
        delivery.Id, delivery.WebhookId, delivery.Kind, delivery.InspectionId, delivery.Yot, delivery.State.ToString().ToLowerInvariant(),
        delivery.EnrolledAt, delivery.NextAttemptAt, delivery.Note, delivery.Attempts);
}

public sealed record DeliveryLog(Guid SubscriptionId, string SubscriptionState, string? DisabledReason, IReadOnlyList<DeliveryView> Deliveries);
