using System.Globalization;

namespace CaseLedger.Api.Scores;

/// <summary>
/// A moment in an inspection's ledger, as a client names it: <c>week:N</c> (right after week N closed, or now if
/// it has not), <c>version:N</c> (the stream's version), an ISO-8601 timestamp (valid time: what had happened by
/// then, DESIGN §11), or <c>published</c>. The recorded-time bound is a separate parameter, <c>recordedAt</c>.
/// </summary>
public abstract record PointInTime(string Text)
{
    public const string Forms = "week:N (right after week N closed, or now if it has not), version:N (the inspection stream's version), an ISO-8601 timestamp such as 2012-03-09T17:00:00Z (what had happened by then), recorded:TIMESTAMP (what the ledger held at that recorded moment), or published";

    public sealed record Week(string Text, int Number) : PointInTime(Text);

    public sealed record Version(string Text, long Number) : PointInTime(Text);

    public sealed record Timestamp(string Text, DateTimeOffset At) : PointInTime(Text);

    public sealed record Published(string Text) : PointInTime(Text);

    /// <summary>Recorded time: the ledger as it stood at that moment, whatever the events say they happened.</summary>
    public sealed record Recorded(string Text, DateTimeOffset At) : PointInTime(Text);

    /// <summary>The point, or null when the text is none of the accepted forms.</summary>
    public static PointInTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text == "published") return new Published(text);
        if (text.StartsWith("recorded:", StringComparison.Ordinal))
            return Instants.TryParse(text[9..], out var recorded) ? new Recorded(text, recorded) : null;
        if (text.StartsWith("week:", StringComparison.Ordinal))
            return int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var week) && week > 0 ? new Week(text, week) : null;
        if (text.StartsWith("version:", StringComparison.Ordinal))
            return long.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? new Version(text, version) : null;
        return Instants.TryParse(text, out var at) ? new Timestamp(text, at) : null;
    }
}
