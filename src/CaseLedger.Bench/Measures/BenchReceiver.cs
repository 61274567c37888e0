using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// A subscriber's receiver on a loopback port inside the bench: it answers every delivery 204 at once and keeps
/// the moment each one arrived on the wall clock, the one PostgreSQL stamps an event's recorded time with, so a
/// delivery's lag is an arrival less a recorded time on one clock. Not the Stopwatch's: on a virtual machine the two
/// part (this one's wall clock gains about 5 ms a second on its monotonic clock), and over a measure that adds up.
/// </summary>
public sealed class BenchReceiver : IAsyncDisposable
{
    /// <summary>A delivery: at which path (which subscription), for which stream and version.</summary>
    public readonly record struct Notice(string Path, Guid? InspectionId, long StreamVersion);

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<Notice, DateTimeOffset> firstArrivals = new();
    private readonly ConcurrentDictionary<string, byte> webhookIds = new();
    private int requests;
    private Uri address = null!;

    private BenchReceiver(WebApplication app) => this.app = app;

    public Uri Url(string path) => new(address, path);

    /// <summary>Every POST that reached it, retries included.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>Distinct deliveries (by <c>webhook-id</c>) that reached it.</summary>
    public int Deliveries => webhookIds.Count;

    /// <summary>When the first attempt at this notice arrived, if one has.</summary>
    public DateTimeOffset? ArrivalOf(Notice notice) => firstArrivals.TryGetValue(notice, out var at) ? at : null;

    public int Count(Func<Notice, bool> matches) => firstArrivals.Keys.Count(matches);

    public static async Task<BenchReceiver> StartAsync(CancellationToken cancellation)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Its own log lines would land among the bench's progress on the console.
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new BenchReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync(cancellation);
        receiver.address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    private async Task HandleAsync(HttpContext http)
    {
        // Stamped before the body is read: the attempt has arrived once its request has.
        var arrivedAt = DateTimeOffset.UtcNow;
        Interlocked.Increment(ref requests);
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var data = body.RootElement.GetProperty("data");
        var inspection = data.TryGetProperty("inspectionId", out var id) ? id.GetGuid() : (Guid?)null;
        firstArrivals.TryAdd(new Notice(http.Request.Path, inspection, data.GetProperty("streamVersion").GetInt64()), arrivedAt);
        webhookIds.TryAdd(http.Request.Headers["webhook-id"].ToString(), 0);
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
