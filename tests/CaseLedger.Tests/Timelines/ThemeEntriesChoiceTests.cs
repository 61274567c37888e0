using CaseLedger.Api.Scores;
using CaseLedger.Api.ThemeViews;
using CaseLedger.Api.Timelines;
using JasperFx.Events;
using Marten.Events;

namespace CaseLedger.Tests.Timelines;

/// <summary>
/// While the daemon is behind (all the more while it rebuilds the theme entries), a theme read makes the same choice of
/// each YOT's candidates over the openings and publications it has not applied, before reading any figures for them.
/// </summary>
public sealed class ThemeEntriesChoiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly ThemeTimelineProjection Projection = new(null!, null!);
    private static readonly (Guid First, Guid Second, Guid Third) Ids = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    /// <summary>One YOT inspected three times in turn: the first opened and published, the second the same, the third
    /// opened; each step ten minutes after the one before.</summary>
    private static readonly IReadOnlyList<(string Key, IEvent Event)> Pending =
    [
        Opened(Ids.First, "2013-05-06", 0), Published(Ids.First, 10),
        Opened(Ids.Second, "2015-05-04", 20), Published(Ids.Second, 30),
        Opened(Ids.Third, "2017-05-01", 40),
    ];

    [Fact]
    public void Now_a_later_published_inspection_supersedes_the_earlier_and_the_open_one_after_it_stays()
    {
        Assert.Equal([Key(Ids.First)], Superseded([], Pending, MomentQuery.Moment.Now));
    }

    [Theory]
    [InlineData(15, true)]
    [InlineData(15, false)]
    [InlineData(25, true)]
    [InlineData(25, false)]
    public void At_a_moment_what_was_not_opened_is_left_out_and_what_was_not_published_supersedes_nothing(int minutes, bool validTime)
    {
        var at = Start.AddMinutes(minutes);
        var moment = validTime ? new MomentQuery.Moment(at, null) : new MomentQuery.Moment(null, at);
        // At 15 only the first was opened; at 25 the second was opened but not yet published, so it supersedes nothing.
        string[] expected = minutes == 15 ? [Key(Ids.Second), Key(Ids.Third)] : [Key(Ids.Third)];
        Assert.Equal(expected.Order(), Superseded([], Pending, moment).Order());
    }

    [Fact]
    public void An_entry_the_daemon_stored_is_superseded_by_a_pending_publication()
    {
        // The first inspection's entry stored, published; the second's opening and publication pending.
        var stored = Projection.Evolve(Projection.Evolve(null, Key(Ids.First), Opened(Ids.First, "2013-05-06", 0).Event), Key(Ids.First),
            new Event<ThemeTimelineProjection.Figured>(new ThemeTimelineProjection.Figured(Ids.First,
                new TimelinePoint<ThemeFigures>(5, Start.AddMinutes(10), Start.AddMinutes(10), Start.AddMinutes(10), Start.AddMinutes(10),
                    new ThemeFigures(null, null, null)), IsPublication: true)))!;

        Assert.Equal([Key(Ids.First)], Superseded(new() { [Key(Ids.First)] = stored }, [.. Pending.Skip(2).Take(2)], MomentQuery.Moment.Now));
        // Before the second was published, it supersedes nothing.
        Assert.Empty(Superseded(new() { [Key(Ids.First)] = stored }, [.. Pending.Skip(2).Take(2)], new MomentQuery.Moment(Start.AddMinutes(25), null)));
    }

    private static HashSet<string> Superseded(
        Dictionary<string, ThemeTimeline> stored, IReadOnlyList<(string Key, IEvent Event)> pending, MomentQuery.Moment moment) =>
        ThemeEntries.Superseded(Projection, stored, pending, moment);

    private static string Key(Guid id) => ThemeTimeline.Key("cci-2009", "safeguarding", id);

    private static (string Key, IEvent Event) Opened(Guid id, string startsOn, int minutes) =>
        (Key(id), At(new InspectionOpened(id, "cci-2009", 1, new YotReference("yot-1", "A YOT", "Wales"), "An inspection",
            [new PlannedWeek(1, DateOnly.Parse(startsOn))], []), id, minutes));

    private static (string Key, IEvent Event) Published(Guid id, int minutes) => (Key(id), At(new InspectionPublished(id), id, minutes));

    private static IEvent At<T>(T data, Guid id, int minutes) where T : notnull =>
        new Event<T>(data) { StreamId = id, Timestamp = Start.AddMinutes(minutes) };
}
