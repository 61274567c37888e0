using System.Xml;

namespace CaseLedger.Api.Infrastructure;

/// <summary>Durations as clients write them: ISO-8601 (<c>PT24H</c>, <c>P2D</c>, <c>PT90M</c>), positive, and
/// without years or months, whose length depends on when they start.</summary>
public static class Durations
{
    public const string Rule = "an ISO-8601 duration of days, hours, minutes or seconds, such as PT24H or P2D";
    private static readonly TimeSpan Longest = TimeSpan.FromDays(36_500);

    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40 || !text.StartsWith('P')) return null;
        var datePart = text.Split('T')[0];
        if (datePart.Contains('Y') || datePart.Contains('M')) return null;
        try
        {
            var duration = XmlConvert.ToTimeSpan(text);
            return duration > TimeSpan.Zero && duration <= Longest ? duration : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
