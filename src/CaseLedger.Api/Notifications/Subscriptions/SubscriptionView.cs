namespace CaseLedger.Api.Notifications.Subscriptions;

/// <summary>A subscription as its owner reads it. The secret appears once, in the answer that created it.</summary>
public sealed record SubscriptionView(
    Guid Id, string Url, IReadOnlyList<string> Kinds, string State, DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt, string? DisabledReason, int FailuresInARow, string? Secret = null)
{
    public const string Active = "active";
    public const string Disabled = "disabled";

    public static SubscriptionView Of(Subscription subscription, bool withSecret = false) => new(
        subscription.Id, subscription.Url, subscription.Kinds, subscription.Disabled ? Disabled : Active, subscription.CreatedAt,
        subscription.DisabledAt, subscription.DisabledReason, subscription.FailuresInARow, withSecret ? subscription.Secret : null);
}
