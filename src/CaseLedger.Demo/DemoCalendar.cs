using CaseLedger.Api.Inspections.Timing;

namespace CaseLedger.Demo;

/// <summary>
/// When each step of a demo inspection happened, in the inspection's own calendar (DESIGN §11): the reports give
/// the fieldwork dates and the publication (a day, or only a month, which is read as its first day); the hours in
/// between are the demo's, the same every load, in Europe/London like every week's <c>startsOn</c>. The inspection
/// opens and its sample is drawn two weeks before fieldwork; each week opens on its Monday morning, its judgements
/// are made on the Tuesday, its revisions and moderations on the Wednesday, and it closes that evening (the
/// shortest fieldwork, seeds 000, 001 and 003, ran Monday to Wednesday); quality assurance follows a week after the
/// last week began (its sample drawn at 11, its moderations at noon, its confirmations at 3); publication is on its date.
/// </summary>
public sealed class DemoCalendar(DemoInspection inspection)
{
    private readonly WriteClock london = new(DateTimeOffset.UtcNow, TimeSpan.Zero, WriteClock.DefaultZone);

    public DateTimeOffset Opened => At(inspection.FieldworkWeeks[0].AddDays(-14), 9);

    public DateTimeOffset Sampled => At(inspection.FieldworkWeeks[0].AddDays(-14), 10);

    public DateTimeOffset WeekOpened(int week) => At(Starts(week), 8.5);

    public DateTimeOffset Judged(int week) => At(Starts(week).AddDays(1), 14);

    /// <summary>The week's changes, or (null) quality assurance after fieldwork.</summary>
    public DateTimeOffset Changed(int? week) => week is { } number ? At(Starts(number).AddDays(2), 12) : At(Starts(inspection.FieldworkWeeks.Count).AddDays(9), 12);

    /// <summary>Quality assurance draws its sample an hour before its moderations, and confirms the rest after them.</summary>
    public DateTimeOffset QaDrawn => Changed(null).AddHours(-1);

    public DateTimeOffset QaConfirmed => Changed(null).AddHours(3);

    /// <summary>The lead records the ratings of evidence standards, and any override, at the end of that day.</summary>
    public DateTimeOffset Rated => Changed(null).AddHours(5);

    public DateTimeOffset WeekClosed(int week) => At(Starts(week).AddDays(2), 17.5);

    public DateTimeOffset Published => At(inspection.PublishedOn, 10);

    private DateOnly Starts(int week) => inspection.FieldworkWeeks[week - 1];

    private DateTimeOffset At(DateOnly day, double hours) => london.StartOf(day).AddHours(hours);
}
