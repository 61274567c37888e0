namespace CaseLedger.Api.Notifications.Safety;

// TEMPORARY until the safety branch merges.
public static class WebhookUrls
{
    public static Task<string?> CheckAsync(string? url, WebhookSettings settings, CancellationToken cancellation) =>
        Task.FromResult(Uri.TryCreate(url, UriKind.Absolute, out _) ? null : "must be an absolute URL.");
}
