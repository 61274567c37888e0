using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// The Development console's line: the template without its exception, then the exception with every line
/// indented and control characters escaped. An exception's message can quote a client's input; indented, no
/// line of it can pass for a log line of its own, while a stack trace still reads as one.
/// </summary>
public sealed class DevelopmentLogFormatter : ITextFormatter
{
    public const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}";
    private const string Indent = "    ";

    private readonly MessageTemplateTextFormatter line = new(Template);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        line.Format(logEvent, output);
        if (logEvent.Exception is null) return;
        foreach (var text in logEvent.Exception.ToString().ReplaceLineEndings("\n").Split('\n'))
            output.Write($"{Indent}{LogValueEscaping.Escape(text)}{Environment.NewLine}");
    }
}
