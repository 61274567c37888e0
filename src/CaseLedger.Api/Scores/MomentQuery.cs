using System.Globalization;

namespace CaseLedger.Api.Scores;

/// <summary>The <c>?at=</c> of the views across inspections: an ISO-8601 timestamp with its offset.</summary>
public static class MomentQuery
{
    public static (DateTimeOffset? At, Rejection? Rejection) Parse(string? at)
    {
        if (at is null) return (null, null);
        return PointInTime.Parse(at) is PointInTime.Timestamp timestamp
            ? (timestamp.At, null)
            : (null, Rejection.Invalid("at", $"'{at}' is not an ISO-8601 timestamp with an offset, such as 2016-06-01T00:00:00Z. Views across inspections take timestamps; week:N, version:N and published belong to one inspection."));
    }

    /// <summary>How a file name says the moment: <c>at-2016-06-01</c>, or nothing for now.</summary>
    public static string? FileWord(DateTimeOffset? at) => at is { } moment ? $"at-{moment.UtcDateTime:yyyy-MM-dd}" : null;

    public static string Describe(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture) ?? "now";
}
