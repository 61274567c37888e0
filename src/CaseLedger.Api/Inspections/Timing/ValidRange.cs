namespace CaseLedger.Api.Inspections.Timing;

/// <summary>
/// The moments a stated valid time may name, each end with the reason for it, so a refusal tells the client the
/// whole range and why. It starts as "not in the future" and each rule narrows it. The end is excluded only where
/// it is the start of something that came after (the next week).
/// </summary>
public sealed record ValidRange(DateTimeOffset? From, string? FromWhy, DateTimeOffset Until, string UntilWhy, bool UntilExcluded)
{
    public static ValidRange NotFuture(WriteClock clock) => new(null, null, clock.Latest,
        $"now, {Instants.Show(clock.Now)}, with {clock.Skew.TotalSeconds:0} s allowed for a clock running ahead", false);

    public ValidRange NotBefore(DateTimeOffset at, string why) =>
        From is { } from && from >= at ? this : this with { From = at, FromWhy = why };

    public ValidRange Before(DateTimeOffset at, string why) =>
        at < Until || (at == Until && !UntilExcluded) ? this with { Until = at, UntilWhy = why, UntilExcluded = true } : this;

    public bool Holds(DateTimeOffset at) =>
        (From is not { } from || at >= from) && (UntilExcluded ? at < Until : at <= Until);

    public string Describe() =>
        (From is { } from ? $"from {Instants.Show(from)} ({FromWhy}) " : "")
        + $"{(UntilExcluded ? "until before" : "up to")} {Instants.Show(Until)} ({UntilWhy})";
}
