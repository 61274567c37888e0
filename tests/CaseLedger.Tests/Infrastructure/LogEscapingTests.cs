using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>A client's bytes reach the log escaped: no forged line, no terminal escape sequence.</summary>
[Collection(ApiCollection.Name)]
public sealed class LogEscapingTests(AppFixture app)
{
    private const string ForgedPath = "/nope%0A[00:00:00%20WRN]%20Admin%20granted%1B[31m";

    [Fact]
    public async Task A_forged_line_in_the_path_stays_on_the_request_line()
    {
        var correlationId = $"log-{Guid.NewGuid():N}";

        await app.Host.Scenario(s =>
        {
            s.Get.Url(ForgedPath);
            s.WithRequestHeader(CorrelationIds.Header, correlationId);
            s.StatusCodeShouldBe(404);
        });

        var request = await app.Logs.For(correlationId, e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal));
        var line = Render(request);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain('\u001b', line);
        Assert.Contains(@"/nope\n[00:00:00 WRN] Admin granted\u001b[31m responded 404", line);
    }

    [Fact]
    public void Control_characters_are_escaped_however_deep_they_sit()
    {
        var events = new List<LogEvent>();
        using var logger = new LoggerConfiguration()
            .Enrich.With<LogValueEscaping>()
            .WriteTo.Sink(new Collect(events))
            .CreateLogger();

        logger.Information("{Header} {@Body} {Values} {Map}", "a\r\nb", new { Note = "x\u001b[2Jy", Items = new[] { "\0" } },
            new[] { "ok", "\u2028" }, new Dictionary<string, string> { ["k\n"] = "v\t" });

        var logEvent = Assert.Single(events);
        var line = Render(logEvent);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain('\u001b', line);
        Assert.Equal(@"""a\r\nb""", logEvent.Properties["Header"].ToString());
        Assert.Equal(@"{ Note: ""x\u001b[2Jy"", Items: [""\u0000""] }", logEvent.Properties["Body"].ToString());
        Assert.Equal(@"[""ok"", ""\u2028""]", logEvent.Properties["Values"].ToString());
        Assert.Equal(@"[(""k\n"": ""v\t"")]", logEvent.Properties["Map"].ToString());
    }

    [Fact]
    public void An_exception_message_cannot_start_a_line_of_its_own()
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Error,
            new InvalidOperationException("bad value 'x\n[00:00:00 WRN] Admin granted\u001b[31m'"),
            new MessageTemplateParser().Parse("Unhandled exception"), []);

        var lines = Render(logEvent).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("[", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("    ", l));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("[00:00:00 WRN]", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('\u001b'));
    }

    [Fact]
    public void Production_json_lines_escape_control_characters_themselves()
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Error, new InvalidOperationException("a\nb\u001b"),
            new MessageTemplateParser().Parse("HTTP {RequestPath}"),
            [new LogEventProperty("RequestPath", new ScalarValue("/nope\n[00:00:00 WRN]\u001b[31m"))]);
        var output = new StringWriter();

        new CompactJsonFormatter().Format(logEvent, output);

        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain('\u001b', output.ToString());
    }

    private static string Render(LogEvent logEvent)
    {
        var output = new StringWriter();
        new DevelopmentLogFormatter().Format(logEvent, output);
        return output.ToString();
    }

    private sealed class Collect(List<LogEvent> events) : Serilog.Core.ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
