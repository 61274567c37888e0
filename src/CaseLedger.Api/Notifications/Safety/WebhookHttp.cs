using System.Net.Sockets;

namespace CaseLedger.Api.Notifications.Safety;

/// <summary>
/// The one HTTP client deliveries are sent with: <c>IHttpClientFactory.CreateClient(WebhookHttp.ClientName)</c>.
/// It connects only to addresses <see cref="DeliveryAddresses"/> allows, resolving the host itself at every new
/// connection, so a name that passed when the subscription was made and now resolves inside (DNS rebinding) is
/// still refused. No redirect is followed, since one could point anywhere; the answer is the receiver's own.
/// </summary>
public static class WebhookHttp
{
    public const string ClientName = "webhooks";

    public const string UserAgent = "CaseLedger-Webhooks/1";

    // Pooled connections stay bound to the address they were opened to; a short life makes each host looked up
    // and checked again often, and lets a receiver's move to a new address take effect.
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddWebhookHttp(this IServiceCollection services, WebhookSettings settings)
    {
        services.AddHttpClient(ClientName, client =>
            {
                client.Timeout = settings.Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => CreateHandler(settings))
            // The factory's loggers write every URL at Information; a subscriber's URL may carry a token of theirs.
            .RemoveAllLoggers();
        return services;
    }

    /// <summary>The handler under the client, apart so that a test can send through it without a host.</summary>
    public static SocketsHttpHandler CreateHandler(WebhookSettings settings) => new()
    {
        AllowAutoRedirect = false,
        // A proxy would connect for us, to addresses this check never sees.
        UseProxy = false,
        // One subscriber's cookies are no business of another's deliveries.
        UseCookies = false,
        ConnectTimeout = settings.Timeout,
        PooledConnectionLifetime = ConnectionLifetime,
        ConnectCallback = (context, cancellation) => ConnectAsync(context.DnsEndPoint, settings, cancellation),
    };

    private static async ValueTask<Stream> ConnectAsync(System.Net.DnsEndPoint endPoint, WebhookSettings settings, CancellationToken cancellation)
    {
        var addresses = await HostAddresses.ResolveAsync(endPoint.Host, cancellation);
        var allowed = addresses.Where(address => DeliveryAddresses.Refusal(address, settings) is null).ToArray();
        if (allowed.Length == 0)
            throw new RefusedAddressException(addresses.Length == 0
                ? $"{endPoint.Host} resolves to no address"
                : $"No address a webhook may reach: {string.Join("; ", addresses.Select(address => DeliveryAddresses.Refusal(address, settings)).Distinct())}");

        // Dual mode, so one socket can try IPv6 and IPv4 addresses alike.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
