using System.Net;
using System.Net.Sockets;

namespace CaseLedger.Api.Notifications.Safety;

/// <summary>
/// Whether a subscription may deliver to a URL, checked when it is made, in the words the client reads under the
/// field <c>url</c>. The host is resolved here so that a URL that could never be delivered to is refused at once;
/// each delivery checks again as it connects, because what a name resolves to can change (DNS rebinding).
/// </summary>
public static class WebhookUrls
{
    public const string Field = "url";

    public const int MaxLength = 2_000;

    /// <summary>Null when <paramref name="url"/> is fit for deliveries; otherwise what is wrong with it, worded to
    /// follow the field name ("must use https."). Never throws for a bad URL or a host that does not resolve.</summary>
    public static async Task<string?> CheckAsync(string? url, WebhookSettings settings, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(url)) return "is required.";
        if (url.Length > MaxLength) return $"must be at most {MaxLength} characters.";
        // Uri trims spaces and drops some control characters silently; refusing them keeps the URL stored the one
        // delivered to.
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return "must not contain spaces or control characters.";
        // On Linux Uri reads "/hooks" as an absolute file path, so an authority ("//host") is asked for as well.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !url.Contains("://", StringComparison.Ordinal))
            return "must be an absolute URL, such as https://example.org/hooks.";
        if (!(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && !settings.RequireHttps)))
            return settings.RequireHttps ? "must use https." : "must use https or http.";
        if (uri.UserInfo.Length > 0)
            return "must not contain a user name or password; deliveries are signed with the subscription's secret instead.";
        if (uri.Fragment.Length > 0) return "must not contain a fragment (#…), which is never sent to the receiver.";
        return await AddressProblemAsync(uri, settings, cancellation);
    }

    private static async Task<string?> AddressProblemAsync(Uri uri, WebhookSettings settings, CancellationToken cancellation)
    {
        IPAddress[] addresses;
        // A lookup that hangs must not hold the request open longer than a delivery would wait.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            addresses = await HostAddresses.ResolveAsync(uri.IdnHost, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return $"is refused: the host '{uri.Host}' did not resolve within {settings.Timeout.TotalSeconds:0.#} s.";
        }
        catch (Exception failure) when (failure is SocketException or ArgumentException)
        {
            return $"is refused: the host '{uri.Host}' does not resolve.";
        }
        return AddressProblem(uri, addresses, settings);
    }

    /// <summary>What is wrong with the addresses a URL's host resolved to, apart from the lookup so that a test can
    /// give a name any addresses.</summary>
    internal static string? AddressProblem(Uri uri, IReadOnlyList<IPAddress> addresses, WebhookSettings settings)
    {
        if (addresses.Count == 0) return $"is refused: the host '{uri.Host}' does not resolve.";
        // Every address must pass: a name that also points inside is refused outright, though a delivery would
        // only pass over the refused addresses.
        var refusals = addresses.Select(address => DeliveryAddresses.Refusal(address, settings)).OfType<string>().Distinct().ToArray();
        if (refusals.Length == 0) return null;
        return uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? $"is refused: {refusals[0]}, which webhooks may not reach."
            : $"is refused: the host '{uri.Host}' resolves to {(refusals.Length == 1 ? "an address" : "addresses")} webhooks may not reach ({string.Join("; ", refusals)}).";
    }
}
