using System.Net;
using CaseLedger.Api.Notifications;
using CaseLedger.Api.Notifications.Safety;

namespace CaseLedger.Tests.Notifications;

/// <summary>
/// The client deliveries are sent with, as the service registration builds it, against a real receiver on this
/// machine: what it connects to is decided as it connects, whatever the URL check said before.
/// </summary>
public sealed class WebhookHttpTests : IAsyncLifetime
{
    private LoopbackReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    private static HttpClient Client(WebhookSettings settings) =>
        new ServiceCollection().AddWebhookHttp(settings).BuildServiceProvider()
            .GetRequiredService<IHttpClientFactory>().CreateClient(WebhookHttp.ClientName);

    private static StringContent Body() => new("""{"type":"inspection.published"}""", System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_delivery_reaches_a_loopback_receiver_when_loopback_is_allowed()
    {
        using var response = await Client(new WebhookSettings { AllowLoopback = true }).PostAsync(receiver.Url("/hook"), Body());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var received = Assert.Single(receiver.Requests);
        Assert.Equal(new LoopbackReceiver.Received("/hook", WebhookHttp.UserAgent), received);
    }

    [Theory]
    [InlineData("127.0.0.1", "No address a webhook may reach: 127.0.0.1 is a loopback address")]
    [InlineData("localhost", "No address a webhook may reach: ")]
    public async Task The_connection_refuses_a_loopback_receiver_when_loopback_is_not_allowed(string host, string messageStart)
    {
        var client = Client(new WebhookSettings { AllowPrivateNetworks = true });

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(receiver.Url("/hook", host), Body()));

        var refused = Assert.IsType<RefusedAddressException>(thrown.InnerException);
        Assert.StartsWith(messageStart, refused.Message);
        Assert.Contains("is a loopback address", refused.Message);
        Assert.StartsWith(refused.Message, thrown.Message);
        Assert.Equal(0, receiver.Connections);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task A_redirect_is_answered_as_it_is_and_not_followed()
    {
        using var response = await Client(new WebhookSettings { AllowLoopback = true }).PostAsync(receiver.Url("/moved"), Body());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hook", response.Headers.Location?.OriginalString);
        Assert.Equal(["/moved"], receiver.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task A_receiver_that_never_answers_is_given_up_on_at_the_timeout()
    {
        var client = Client(new WebhookSettings { AllowLoopback = true, Timeout = TimeSpan.FromSeconds(1) });

        var thrown = await Assert.ThrowsAsync<TaskCanceledException>(() => client.PostAsync(receiver.Url("/silent"), Body()));

        Assert.IsType<TimeoutException>(thrown.InnerException);
        Assert.Equal(["/silent"], receiver.Requests.Select(request => request.Path));
    }

    [Fact]
    public void The_handler_takes_no_proxy_no_cookies_and_the_settings_timeout_to_connect()
    {
        var settings = new WebhookSettings { Timeout = TimeSpan.FromSeconds(3) };
        using var handler = WebhookHttp.CreateHandler(settings);

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseProxy);
        Assert.False(handler.UseCookies);
        Assert.Equal(settings.Timeout, handler.ConnectTimeout);
        Assert.True(handler.PooledConnectionLifetime <= TimeSpan.FromMinutes(1));
        Assert.Equal(settings.Timeout, Client(settings).Timeout);
    }
}
