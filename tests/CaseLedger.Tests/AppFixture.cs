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
            .ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs)));
        TestTokens.SigningKey = Host.Services.GetRequiredService<IConfiguration>()["Authentication:DevelopmentSigningKey"]!;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}
