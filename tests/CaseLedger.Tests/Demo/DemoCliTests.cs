using CaseLedger.Demo;
using Microsoft.Extensions.Logging;

namespace CaseLedger.Tests.Demo;

/// <summary>The console ops/run starts: what it refuses, and that a failed load is an exit code, not a crash.</summary>
public class DemoCliTests
{
    [Theory]
    [InlineData]
    [InlineData("--api")]
    [InlineData("--api", "not-a-url")]
    [InlineData("--api", "http://127.0.0.1:1", "--load", "true")]
    public async Task A_wrong_command_line_is_refused_with_the_usage(params string[] args)
    {
        var logger = new ListLogger();
        var error = new StringWriter();

        var exit = await DemoCli.RunAsync(args, logger, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains(DemoCli.Usage, error.ToString());
        Assert.Empty(logger.Lines);
    }

    [Fact]
    public async Task An_api_that_cannot_be_reached_fails_the_load_with_an_error_line_and_exit_code_1()
    {
        var logger = new ListLogger();
        var settings = Path.GetTempFileName();
        await File.WriteAllTextAsync(settings, """{"Authentication":{"DevelopmentSigningKey":"demo-cli-tests-signing-key-0123456789"}}""");

        // Nothing listens on port 1: the first request is refused at once.
        var exit = await DemoCli.RunAsync(["--api", "http://127.0.0.1:1", "--signing-key-file", settings], logger, new StringWriter(), CancellationToken.None);

        Assert.Equal(1, exit);
        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains("Demo data load failed", line.Message);
        File.Delete(settings);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
