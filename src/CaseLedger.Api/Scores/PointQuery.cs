namespace CaseLedger.Api.Scores;

/// <summary>The query parameters that name a point in one inspection: a point (<c>at</c>, <c>from</c>, <c>to</c>:
/// week, version, published, a valid-time timestamp or <c>recorded:TIMESTAMP</c>) and <c>recordedAt</c> (a
/// recorded-time timestamp), each optional. Errors go to the request's other field errors.</summary>
public static class PointQuery
{
    public static PointInTime? Point(FieldErrors errors, string field, string? text)
    {
        if (text is null) return null;
        if (PointInTime.Parse(text) is { } point) return point;
        errors.Add(field, $"'{text}' is not a point in time. Use {PointInTime.Forms}.");
        return null;
    }

    public static DateTimeOffset? RecordedAt(FieldErrors errors, string? text)
    {
        if (text is null) return null;
        if (Instants.TryParse(text, out var moment)) return moment;
        errors.Add("recordedAt", $"'{text}' is not {Instants.Rule}: the ledger as it stood at that recorded moment.");
        return null;
    }
}
