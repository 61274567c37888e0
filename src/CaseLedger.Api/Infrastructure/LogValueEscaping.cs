using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Escapes control characters in every string a log event carries, however deep in a structure, sequence or
/// dictionary: a path, query, header or body value from a client must not start a new log line nor send the
/// terminal escape sequences. Added last, so it sees what every other enricher has added.
/// </summary>
public sealed class LogValueEscaping : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
            if (Escape(value) is var escaped && !ReferenceEquals(escaped, value))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, escaped));
    }

    /// <summary>The value itself when nothing in it needs escaping, so a clean event costs no allocation.</summary>
    private static LogEventPropertyValue Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when NeedsEscaping(text) => new ScalarValue(Escape(text)),
        StructureValue structure => EscapeStructure(structure),
        SequenceValue sequence => Changed(sequence.Elements, out var elements) ? new SequenceValue(elements) : value,
        DictionaryValue dictionary => EscapeDictionary(dictionary),
        _ => value,
    };

    private static LogEventPropertyValue EscapeStructure(StructureValue structure)
    {
        var properties = structure.Properties.Select(p => Escape(p.Value) is var v && !ReferenceEquals(v, p.Value)
            ? new LogEventProperty(p.Name, v) : p).ToList();
        return properties.SequenceEqual(structure.Properties) ? structure : new StructureValue(properties, structure.TypeTag);
    }

    private static LogEventPropertyValue EscapeDictionary(DictionaryValue dictionary)
    {
        var pairs = dictionary.Elements.Select(pair => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
            (ScalarValue)Escape(pair.Key), Escape(pair.Value))).ToList();
        var same = pairs.Zip(dictionary.Elements).All(p =>
            ReferenceEquals(p.First.Key, p.Second.Key) && ReferenceEquals(p.First.Value, p.Second.Value));
        return same ? dictionary : new DictionaryValue(pairs);
    }

    private static bool Changed(IReadOnlyList<LogEventPropertyValue> values, out List<LogEventPropertyValue> escaped)
    {
        escaped = values.Select(Escape).ToList();
        return !escaped.Zip(values).All(p => ReferenceEquals(p.First, p.Second));
    }

    public static bool NeedsEscaping(string text) => text.Any(IsUnsafe);

    /// <summary>Control characters as C# writes them (<c>\n</c>, <c>\u001b</c>); everything else unchanged.</summary>
    public static string Escape(string text)
    {
        if (!NeedsEscaping(text)) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            escaped.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when IsUnsafe(c) => $@"\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return escaped.ToString();
    }

    // Line and paragraph separators end a line in some viewers, though they are not control characters.
    private static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
