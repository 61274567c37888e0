using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Serilog.Core;

namespace CaseLedger.Tests;

/// <summary>
/// One API host for the whole test run, against the real PostgreSQL that ops/test starts
/// (ConnectionStrings__CaseLedger). Tests keep apart by using fresh ids, never by order.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>What the host logged; LoggingSetup's ReadFrom.Services picks this sink up.</summary>
    public LogCapture Logs { get; } = new();

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__CaseLedger")))
            throw new InvalidOperationException(
                "ConnectionStrings__CaseLedger is not set: run the tests with ops/test, which starts a throwaway PostgreSQL.");

        // Program ends with RunJasperFxCommands; this makes it start the host for the test server.
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(builder => builder
            .UseEnvironment("Development")
            // Webhook retries a test can wait for: four short waits, a receiver's silence cut at one second, and a
            // subscription disabled after its sixth failure in a row (one delivery's five attempts and one more).
            .UseSetting("Webhooks:RetryDelaySeconds:0", "1")
            .UseSetting("Webhooks:RetryDelaySeconds:1", "0.4")
            .UseSetting("Webhooks:RetryDelaySeconds:2", "0.6")
            .UseSetting("Webhooks:RetryDelaySeconds:3", "0.8")
            .UseSetting("Webhooks:TimeoutSeconds", "1")
            .UseSetting("Webhooks:DisableAfterFailures", "6")
            .UseSetting("Webhooks:DuePollingSeconds", "0.1")
            .ConfigureServices(services => services
                .AddSingleton<ILogEventSink>(Logs)
                .AddSingleton<System.Diagnostics.Metrics.IMeterFactory, Telemetry.ApiHostMeters>()));
        TestTokens.SigningKey = Host.Services.GetRequiredService<IConfiguration>()["Authentication:DevelopmentSigningKey"]!;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}
