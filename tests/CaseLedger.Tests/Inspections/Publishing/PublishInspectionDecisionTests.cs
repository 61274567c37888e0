using CaseLedger.Api.Inspections.Publishing;
using static CaseLedger.Tests.Inspections.InMemory;

namespace CaseLedger.Tests.Inspections.Publishing;

/// <summary>Publication, decided without a host.</summary>
public sealed class PublishInspectionDecisionTests
{
    [Fact]
    public void With_no_week_open_the_lead_publishes_and_the_header_records_when()
    {
        var header = Header(openWeek: null, closedWeeks: [1, 2, 3]);

        var decision = PublishInspectionEndpoint.Decide(header, Lead, Now);

        Assert.Equal(new InspectionPublished(header.Id), Assert.Single(decision.Events));
        Assert.True(decision.State!.IsPublished);
        Assert.Equal(Now, decision.State.PublishedAt);
    }

    [Fact]
    public void An_open_week_must_close_first() =>
        AssertRefused(PublishInspectionEndpoint.Decide(Header(openWeek: 2), Lead, Now), 409);

    [Fact]
    public void A_team_inspector_may_not_publish() =>
        AssertRefused(PublishInspectionEndpoint.Decide(Header(openWeek: null), Inspector, Now), 403);

    [Fact]
    public void To_someone_off_the_team_the_inspection_does_not_exist() =>
        AssertRefused(PublishInspectionEndpoint.Decide(Header(openWeek: null), Stranger, Now), 404);

    [Fact]
    public void Publishing_twice_is_refused() =>
        AssertRefused(PublishInspectionEndpoint.Decide(Published(), Lead, Now), 409);

    [Fact]
    public void A_stated_publication_comes_after_the_latest_event_in_the_ledger()
    {
        var header = Header(openWeek: null, closedWeeks: [1, 2, 3]) with { OpenedAt = Now.AddDays(-30), LastOccurredAt = Now.AddDays(-20) };
        var latest = Now.AddDays(-10);

        var early = PublishInspectionEndpoint.Decide(header, Lead, Now, Instants.Stored(Now.AddDays(-15)), latest);
        var later = PublishInspectionEndpoint.Decide(header, Lead, Now, Instants.Stored(Now.AddDays(-5)), latest);

        AssertRefused(early, 400);
        Assert.Contains("(the latest event in the ledger)", early.Rejection!.Errors!["occurredAt"][0]);
        Assert.Equal(Now.AddDays(-5), later.State!.PublishedAt);
    }
}
