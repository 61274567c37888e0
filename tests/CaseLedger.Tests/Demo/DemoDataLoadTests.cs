using CaseLedger.Api.Demo;
using CaseLedger.Api.Frameworks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace CaseLedger.Tests.Demo;

/// <summary>When the start-up load runs at all: asked for, and in Development only.</summary>
public class DemoDataLoadTests
{
    [Fact]
    public async Task Outside_development_it_loads_nothing_and_says_so()
    {
        var logger = new ListLogger();

        await Run(logger, environment: "Production", load: "true");

        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("loads only in Development", line.Message);
        Assert.Contains("Production", line.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task Unless_asked_it_does_nothing(string? load)
    {
        var logger = new ListLogger();

        await Run(logger, environment: "Development", load);

        Assert.Empty(logger.Lines);
    }

    /// <summary>Runs the service to its end; the server and lifetime fail the test if it goes as far as using them.</summary>
    private static async Task Run(ListLogger logger, string environment, string? load)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DemoDataLoad.Setting] = load })
            .Build();
        using var service = new DemoDataLoad(
            configuration, new HostingEnvironment { EnvironmentName = environment }, new UnusedLifetime(), new UnusedServer(),
            new FrameworkCatalog([]), logger);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!;
    }

    private sealed class ListLogger : ILogger<DemoDataLoad>
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }

    private sealed class UnusedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => throw new InvalidOperationException("The load should not wait for the host.");
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }

    private sealed class UnusedServer : IServer
    {
        public IFeatureCollection Features => throw new InvalidOperationException("The load should not call the server.");
        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() { }
    }
}
