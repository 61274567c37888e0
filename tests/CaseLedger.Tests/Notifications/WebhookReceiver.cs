using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;

namespace CaseLedger.Tests.Notifications;

/// <summary>
/// A subscriber's receiver on a loopback port inside the test: it records every POST with its Standard Webhooks
/// headers and answers as the test scripts it (a status, or silence past the sender's timeout). Tests await what
/// it receives through a channel, never by sleeping.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Id, long Timestamp, string Signature, string Body, int AnsweredWith, string Path);

    private readonly WebApplication app;
    private readonly Channel<Received> arrivals = Channel.CreateUnbounded<Received>();
    private readonly ConcurrentQueue<Received> all = new();
    private readonly ConcurrentQueue<int> script = new();

    private Uri address = null!;

    private WebhookReceiver(WebApplication app) => this.app = app;

    /// <summary>0: silence (the sender times out); otherwise the status to answer. When the script runs out: 204.</summary>
    public void Answer(params int[] statuses)
    {
        foreach (var status in statuses) script.Enqueue(status);
    }

    /// <summary>Answers every request by its body with this, from now on (no script).</summary>
    public Func<string, int>? Always { get; set; }

    public const int Silence = 0;

    public Uri Url(string path = "/hook") => new(address, path);

    public IReadOnlyList<Received> All => [.. all];

    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var status = Always?.Invoke(body) ?? (script.TryDequeue(out var scripted) ? scripted : StatusCodes.Status204NoContent);
        var received = new Received(
            http.Request.Headers["webhook-id"].ToString(),
            long.TryParse(http.Request.Headers["webhook-timestamp"], out var timestamp) ? timestamp : -1,
            http.Request.Headers["webhook-signature"].ToString(), body, status, http.Request.Path);
        all.Enqueue(received);
        await arrivals.Writer.WriteAsync(received);
        if (status == Silence)
        {
            // Longer than the sender's one-second timeout; the test host's shutdown ends it.
            await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted).ContinueWith(_ => { });
            http.Abort();
            return;
        }
        http.Response.StatusCode = status;
    }

    /// <summary>The next request that matches, within <paramref name="within"/> (the test fails otherwise).</summary>
    public async Task<Received> NextAsync(Func<Received, bool> matches, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var received = await arrivals.Reader.ReadAsync(timeout.Token);
            if (matches(received)) return received;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
