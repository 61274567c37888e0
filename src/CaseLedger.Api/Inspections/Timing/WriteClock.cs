namespace CaseLedger.Api.Inspections.Timing;

/// <summary>
/// The moment a write is decided, with what a stated valid time is checked against: how far ahead of this server
/// a client's clock may run, and the zone the inspection's calendar dates (its weeks' <c>startsOn</c>) are in.
/// </summary>
public readonly record struct WriteClock(DateTimeOffset Now, TimeSpan Skew, TimeZoneInfo Zone)
{
    public static readonly TimeSpan DefaultSkew = TimeSpan.FromMinutes(2);

    /// <summary>The inspectorate's calendar: England and Wales.</summary>
    public static readonly TimeZoneInfo DefaultZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The latest valid time a write may state.</summary>
    public DateTimeOffset Latest => Now + Skew;

    /// <summary>Midnight starting <paramref name="date"/> in the calendar's zone.</summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>A decision at <paramref name="now"/> with the default skew and zone: what a pure test decides with.</summary>
    public static implicit operator WriteClock(DateTimeOffset now) => new(now, DefaultSkew, DefaultZone);
}
