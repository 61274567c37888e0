using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CaseLedger.Tests.Notifications;

/// <summary>
/// A webhook receiver on a free loopback port, Kestrel and all, that counts every connection made to it (so a test
/// can tell that a refused delivery never reached it, not merely that no request was read). <c>/hook</c> answers
/// 204, <c>/moved</c> redirects to <c>/hook</c> with a 302, and <c>/silent</c> never answers.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication host;
    private int connections;

    private LoopbackReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => context =>
        {
            Interlocked.Increment(ref connections);
            return next(context);
        })));
        host = builder.Build();
        host.Use((context, next) =>
        {
            Requests.Enqueue(new Received(context.Request.Path, context.Request.Headers.UserAgent.ToString()));
            return next(context);
        });
        host.MapPost("/hook", () => Results.NoContent());
        host.MapPost("/moved", () => Results.Redirect("/hook"));
        host.MapPost("/silent", (HttpContext context) => Task.Delay(Timeout.Infinite, context.RequestAborted));
    }

    public sealed record Received(string Path, string UserAgent);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public int Connections => Volatile.Read(ref connections);

    public int Port { get; private set; }

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var receiver = new LoopbackReceiver();
        await receiver.host.StartAsync();
        receiver.Port = new Uri(receiver.host.Urls.Single()).Port;
        return receiver;
    }

    public string Url(string path, string host = "127.0.0.1") => $"http://{host}:{Port}{path}";

    public async ValueTask DisposeAsync() => await host.DisposeAsync();
}
