using CaseLedger.Api.Inspections.Fieldwork;
using static CaseLedger.Tests.Inspections.InMemory;

namespace CaseLedger.Tests.Inspections.Fieldwork;

/// <summary>Opening and closing weeks, decided without a host.</summary>
public sealed class FieldworkWeeksDecisionTests
{
    [Fact]
    public void The_next_planned_week_opens_and_the_header_moves_to_its_next_revision()
    {
        var header = Header(openWeek: null, closedWeeks: [1]);

        var decision = FieldworkWeeks.DecideOpen(header, Lead, 2, Now);

        Assert.Null(decision.Rejection);
        Assert.Equal(new FieldworkWeekOpened(2), Assert.Single(decision.Events));
        Assert.Equal(2, decision.State!.OpenWeek);
        Assert.Same(decision.State, Assert.Single(decision.Writes).Document);
        Assert.False(decision.RequiresStillWritable);
    }

    [Fact]
    public void Opening_the_week_already_open_appends_nothing()
    {
        var decision = FieldworkWeeks.DecideOpen(Header(openWeek: 1), Lead, 1, Now);

        Assert.Null(decision.Rejection);
        Assert.False(decision.Changes);
    }

    [Theory]
    [InlineData(2, 409)]
    [InlineData(7, 404)]
    public void A_week_out_of_turn_or_unplanned_is_refused(int number, int status) =>
        AssertRefused(FieldworkWeeks.DecideOpen(Header(openWeek: 1), Lead, number, Now), status);

    [Fact]
    public void Weeks_open_in_order() =>
        AssertRefused(FieldworkWeeks.DecideOpen(Header(openWeek: null), Lead, 2, Now), 409);

    [Fact]
    public void A_closed_week_does_not_reopen() =>
        AssertRefused(FieldworkWeeks.DecideOpen(Header(openWeek: null, closedWeeks: [1]), Lead, 1, Now), 409);

    [Fact]
    public void Only_the_lead_opens_a_week() =>
        AssertRefused(FieldworkWeeks.DecideOpen(Header(openWeek: null), Inspector, 1, Now), 403);

    [Fact]
    public void To_someone_off_the_team_no_week_opens_or_closes()
    {
        AssertRefused(FieldworkWeeks.DecideOpen(Header(openWeek: null), Stranger, 1, Now), 404);
        AssertRefused(FieldworkWeeks.DecideClose(Header(openWeek: 1), Stranger, 1, Now), 404);
    }

    [Fact]
    public void Closing_the_open_week_stamps_its_events_with_that_week()
    {
        var decision = FieldworkWeeks.DecideClose(Header(openWeek: 1), Lead, 1, Now);

        Assert.Equal(new FieldworkWeekClosed(1), Assert.Single(decision.Events));
        Assert.Equal(1, decision.Week);
        Assert.Null(decision.State!.OpenWeek);
        Assert.Equal([1], decision.State.ClosedWeeks);
    }

    [Fact]
    public void Closing_a_closed_week_again_appends_nothing()
    {
        var decision = FieldworkWeeks.DecideClose(Header(openWeek: null, closedWeeks: [1]), Lead, 1, Now);

        Assert.Null(decision.Rejection);
        Assert.False(decision.Changes);
    }

    [Fact]
    public void Closing_a_week_that_is_not_open_is_refused() =>
        AssertRefused(FieldworkWeeks.DecideClose(Header(openWeek: 1), Lead, 2, Now), 409);

    [Fact]
    public void Closing_an_unplanned_week_is_not_found() =>
        AssertRefused(FieldworkWeeks.DecideClose(Header(openWeek: 1), Lead, 7, Now), 404);

    [Fact]
    public void Only_the_lead_closes_a_week() =>
        AssertRefused(FieldworkWeeks.DecideClose(Header(openWeek: 1), Inspector, 1, Now), 403);

    [Fact]
    public void A_published_inspection_opens_or_closes_no_week()
    {
        AssertRefused(FieldworkWeeks.DecideOpen(Published(), Lead, 1, Now), 409);
        AssertRefused(FieldworkWeeks.DecideClose(Published(), Lead, 3, Now), 409);
    }
}
