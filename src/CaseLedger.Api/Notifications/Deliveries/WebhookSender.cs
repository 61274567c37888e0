using System.Diagnostics;
using System.Text;
using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Api.Notifications.Safety;
using CaseLedger.Api.Notifications.Subscriptions;

namespace CaseLedger.Api.Notifications.Deliveries;

/// <summary>
/// One signed POST of a delivery's body. Whatever the receiver does (an answer, a refusal to connect, silence past
/// the timeout, an address the safety check refuses) comes back as the attempt the log records; only this node
/// shutting down is thrown, and the message is then handled again.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookSettings settings, TimeProvider clock)
{
    public async Task<DeliveryAttempt> PostAsync(WebhookDelivery delivery, Subscription subscription, CancellationToken cancellation)
    {
        var at = clock.GetUtcNow();
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.WebhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(subscription.Secret, delivery.WebhookId, timestamp, delivery.Body));

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(WebhookHttp.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
            return new DeliveryAttempt(at, (int)response.StatusCode, Elapsed(started), null);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new DeliveryAttempt(at, null, Elapsed(started), $"No answer within {settings.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException refused)
        {
            return new DeliveryAttempt(at, null, Elapsed(started), (LedgerWrites.Find<RefusedAddressException>(refused) ?? refused).Message);
        }
    }

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
}
