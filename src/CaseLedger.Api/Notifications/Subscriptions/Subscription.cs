namespace CaseLedger.Api.Notifications.Subscriptions;

/// <summary>
/// Where a reporting client (or an administrator) wants to hear of notices, and the secret its deliveries are
/// signed with. Only its owner sees or changes it. The secret is kept to sign with and never shown after creation.
/// </summary>
public sealed record Subscription
{
    public required Guid Id { get; init; }

    /// <summary>The <c>sub</c> of the token that created it.</summary>
    public required string Owner { get; init; }

    public required string Url { get; init; }

    public required IReadOnlyList<string> Kinds { get; init; }

    public required string Secret { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public bool Disabled { get; init; }

    public DateTimeOffset? DisabledAt { get; init; }

    public string? DisabledReason { get; init; }

    /// <summary>Failed attempts in a row, whichever deliveries they were; a success starts it again at 0.</summary>
    public int FailuresInARow { get; init; }

    public bool Wants(string kind) => Kinds.Contains(kind, StringComparer.Ordinal);
}
