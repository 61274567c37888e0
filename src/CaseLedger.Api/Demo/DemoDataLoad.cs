using CaseLedger.Api.Frameworks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CaseLedger.Api.Demo;

/// <summary>
/// Loads the demo data once the host has started, when <c>CaseLedger:Demo:Load</c> is true (ops/run sets it; ops/run
/// --no-demo does not). It calls this very server over HTTP, so it waits for the server to listen, and it runs in the
/// background: the API serves while the demo loads. Development only: the demo's users act with development tokens,
/// which no other environment accepts.
/// </summary>
public sealed class DemoDataLoad(
    IConfiguration configuration,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    IServer server,
    FrameworkCatalog frameworks,
    ILogger<DemoDataLoad> logger) : BackgroundService
{
    public const string Setting = "CaseLedger:Demo:Load";

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!configuration.GetValue<bool>(Setting)) return;
        if (!environment.IsDevelopment())
        {
            logger.LogWarning("{Setting} is set, but demo data loads only in Development; this is {Environment}, so nothing was loaded",
                Setting, environment.EnvironmentName);
            return;
        }

        if (!await Started(stopping)) return;
        if (ServerAddress() is not { } address)
        {
            logger.LogWarning("Demo data not loaded: the server reports no address to call");
            return;
        }

        try
        {
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
            var signingKey = configuration["Authentication:DevelopmentSigningKey"]!;
            await new DemoLoader(http, signingKey, frameworks, logger).LoadAsync(DemoInspections.All, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogInformation("Demo data load stopped with the host; the next start resumes it");
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Demo data load failed; the API serves what was loaded, and the next start resumes it");
        }
    }

    private async Task<bool> Started(CancellationToken stopping)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stopping.Register(() => started.TrySetCanceled(stopping));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>An address this server listens on, http preferred; a wildcard host is reached on loopback.</summary>
    private Uri? ServerAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.OrderByDescending(address => address.StartsWith("http://", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (chosen is null) return null;
        var loopback = chosen.Replace("://+", "://localhost").Replace("://*", "://localhost")
            .Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://[::1]");
        return Uri.TryCreate(loopback, UriKind.Absolute, out var uri) ? uri : null;
    }
}
