using System.Globalization;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Moments as clients write them and as the ledger keeps them. A client's timestamp is ISO-8601 with its offset:
/// a local time would mean different moments to different readers, so one without is refused. The ledger keeps a
/// moment in UTC to the microsecond, which is what PostgreSQL's timestamptz holds, so a moment stored and read
/// back is the same text.
/// </summary>
public static class Instants
{
    public const string Example = "2012-03-06T10:00:00Z";
    public const string Rule = "an ISO-8601 timestamp with its offset, such as " + Example;
    public const string StoredFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return false;
        var saysOffset = text.EndsWith('Z') || text.EndsWith('z') || text.Contains('+') || text.LastIndexOf('-') > 10;
        return saysOffset
               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out at);
    }

    /// <summary>UTC to the microsecond: finer .NET ticks are dropped, not rounded, as PostgreSQL drops them.</summary>
    public static string Stored(DateTimeOffset value) => StoredUtc(value).ToString(StoredFormat, CultureInfo.InvariantCulture);

    /// <summary>The moment <see cref="Stored"/> writes (in <see cref="StoredFormat"/>), for a writer of its own.</summary>
    public static DateTime StoredUtc(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>A moment in a message: UTC, to the second unless it has a fraction.</summary>
    public static string Show(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }
}
