using CaseLedger.Api.Inspections.Judging;

namespace CaseLedger.Api.Inspections.Timing;

/// <summary>
/// The valid time a write may state (DESIGN §11): when it happened in the inspection, as against when the ledger
/// recorded it (Marten's commit timestamp, which no request sets). A write that states none happened when it was
/// recorded, so only a stated time is checked. The rules keep each story in order: nothing in the future, nothing
/// before the inspection opened, a judgement inside the dates of the week it falls in, and no change to a judgement
/// or to the inspection's header before the change it follows.
/// </summary>
public static class ValidTimes
{
    public const string Field = "occurredAt";

    /// <summary>The stated time, or null when none was stated or it is not a timestamp (then the error is added).</summary>
    public static DateTimeOffset? Parse(FieldErrors errors, string field, string? text)
    {
        if (text is null) return null;
        if (Instants.TryParse(text, out var at)) return at;
        errors.Add(field, $"must be {Instants.Rule}.");
        return null;
    }

    /// <summary>Adds the refusal naming <paramref name="field"/> and the allowed range when the stated time is outside it.</summary>
    public static void Check(FieldErrors errors, string field, DateTimeOffset? stated, ValidRange range)
    {
        if (stated is { } at && !range.Holds(at))
            errors.Add(field, $"{Instants.Show(at)} is outside the allowed range: {range.Describe()}.");
    }

    /// <summary>Any write after the opening: not before the inspection opened.</summary>
    public static ValidRange ForInspection(InspectionHeader header, WriteClock clock) =>
        ValidRange.NotFuture(clock).NotBefore(header.OpenedAt, "the inspection opened");

    /// <summary>A change to the header (sample, weeks, publication): not before the header's previous change either.</summary>
    public static ValidRange ForHeader(InspectionHeader header, WriteClock clock) =>
        ForInspection(header, clock).NotBefore(header.LastOccurredAt, "the inspection's previous step");

    /// <summary>A judgement change: inside the open week's dates, if fieldwork is on; not before the judgement's last change.</summary>
    public static ValidRange ForJudgement(InspectionHeader header, CurrentJudgement? current, WriteClock clock)
    {
        var range = ForInspection(header, clock);
        if (header.OpenWeek is { } open && WeekDates(header, open, clock) is var (starts, ends))
            range = range.NotBefore(starts, $"week {open} starts").Before(ends, header.PlannedWeeks.Any(w => w.Number == open + 1)
                ? $"week {open + 1} starts"
                : $"seven days after week {open} starts");
        return current is null ? range : range.NotBefore(current.LastChangedAt, $"the judgement's last change, version {current.Version}");
    }

    /// <summary>Week <paramref name="number"/> runs from its <c>startsOn</c> until the next week starts, or for seven days.</summary>
    public static (DateTimeOffset Starts, DateTimeOffset Ends)? WeekDates(InspectionHeader header, int number, WriteClock clock)
    {
        if (header.PlannedWeeks.FirstOrDefault(w => w.Number == number) is not { } week) return null;
        var next = header.PlannedWeeks.FirstOrDefault(w => w.Number == number + 1);
        return (clock.StartOf(week.StartsOn), clock.StartOf(next?.StartsOn ?? week.StartsOn.AddDays(7)));
    }
}
