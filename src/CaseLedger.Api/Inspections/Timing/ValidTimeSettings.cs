namespace CaseLedger.Api.Inspections.Timing;

/// <summary>
/// <c>Inspections:ClockSkew</c> (a TimeSpan, default two minutes: how far in the future a stated valid time may
/// lie, for a client whose clock runs ahead) and <c>Inspections:TimeZone</c> (an IANA zone, default
/// Europe/London: the zone a week's <c>startsOn</c> date is in). Read once at start-up; a bad value stops it.
/// </summary>
public sealed record ValidTimeSettings(TimeSpan Skew, TimeZoneInfo Zone)
{
    public const string SkewKey = "Inspections:ClockSkew";
    public const string ZoneKey = "Inspections:TimeZone";
    private static readonly TimeSpan MaxSkew = TimeSpan.FromHours(1);

    public static ValidTimeSettings From(IConfiguration configuration)
    {
        var skew = configuration[SkewKey] is { } text
            ? TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.Zero && parsed <= MaxSkew
                ? parsed
                : throw new InvalidOperationException($"{SkewKey} is '{text}'; it must be a duration from 00:00:00 to {MaxSkew}.")
            : WriteClock.DefaultSkew;
        var zone = configuration[ZoneKey] is { } id
            ? TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found)
                ? found
                : throw new InvalidOperationException($"{ZoneKey} is '{id}', which this machine does not know as a time zone.")
            : WriteClock.DefaultZone;
        return new ValidTimeSettings(skew, zone);
    }

    public WriteClock At(DateTimeOffset now) => new(now, Skew, Zone);
}
