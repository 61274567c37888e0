using System.Globalization;

namespace CaseLedger.Api.Scores;

/// <summary>
/// The moment of a view across inspections: <c>?at=</c>, valid time (what had happened by then), and
/// <c>?recordedAt=</c>, recorded time (what the ledger held then), each an ISO-8601 timestamp with its offset, each
/// optional; neither is now (DESIGN §11).
/// </summary>
public static class MomentQuery
{
    public sealed record Moment(DateTimeOffset? At, DateTimeOffset? RecordedAt)
    {
        public static readonly Moment Now = new(null, null);

        public bool IsNow => At is null && RecordedAt is null;
    }

    public static (Moment Moment, Rejection? Rejection) Parse(string? at, string? recordedAt = null)
    {
        var errors = new FieldErrors();
        DateTimeOffset? valid = null;
        if (at is not null)
        {
            if (PointInTime.Parse(at) is PointInTime.Timestamp timestamp) valid = timestamp.At;
            else errors.Add("at", $"'{at}' is not an ISO-8601 timestamp with an offset, such as 2016-06-01T00:00:00Z. Views across inspections take timestamps; week:N, version:N and published belong to one inspection.");
        }
        var recorded = PointQuery.RecordedAt(errors, recordedAt);
        return (new Moment(valid, recorded), errors.ToRejection());
    }

    /// <summary>How a file name says the moment: <c>at-2016-06-01</c>, <c>recorded-2026-12-01</c>, or nothing for now.</summary>
    public static string? FileWord(Moment moment) =>
        moment.IsNow
            ? null
            : string.Join('-', new[]
            {
                moment.At is { } at ? $"at-{at.UtcDateTime:yyyy-MM-dd}" : null,
                moment.RecordedAt is { } recorded ? $"recorded-{recorded.UtcDateTime:yyyy-MM-dd}" : null,
            }.OfType<string>());

    public static string Describe(Moment moment) =>
        moment.IsNow
            ? "now"
            : string.Join(", ", new[]
            {
                moment.At?.ToString("O", CultureInfo.InvariantCulture),
                moment.RecordedAt is { } recorded ? $"as recorded by {recorded.ToString("O", CultureInfo.InvariantCulture)}" : null,
            }.OfType<string>());
}
