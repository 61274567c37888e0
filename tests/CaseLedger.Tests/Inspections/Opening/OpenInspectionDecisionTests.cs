using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Opening;
using CaseLedger.Api.Yots;
using static CaseLedger.Tests.Inspections.InMemory;

namespace CaseLedger.Tests.Inspections.Opening;

/// <summary>Opening an inspection, decided without a host.</summary>
public sealed class OpenInspectionDecisionTests
{
    private static readonly Guid NewId = Guid.Parse("6a0c8f5e-0000-4000-8000-0000000000dd");
    private static readonly FrameworkCatalog Frameworks = new([InMemory.Framework]);
    private static readonly RegisteredYot Stockport =
        RegisteredYot.Start(new YotRegistered("stockport", "Stockport YOS", "North West"), Now.AddYears(-1));

    private static OpenInspection Command(string? name = null, string? region = null) => new(
        null, InMemory.Framework.Id, null, new OpenInspection.YotInput("stockport", name, region), null,
        [new OpenInspection.WeekInput(1, new DateOnly(2026, 3, 2)), new OpenInspection.WeekInput(2, new DateOnly(2026, 3, 9))],
        [new OpenInspection.MemberInput(Inspector.UserId, TeamRoles.Inspector)]);

    [Fact]
    public void The_lead_opens_a_new_stream_with_the_register_s_yot_and_leads_the_team()
    {
        var decision = OpenInspectionEndpoint.Decide(Command(), Lead, Frameworks, Stockport, NewId, Now);

        var opened = Assert.IsType<InspectionOpened>(Assert.Single(decision.Events));
        Assert.True(decision.StartsStream);
        Assert.Equal(NewId, opened.InspectionId);
        Assert.Equal(Stockport.Reference, opened.Yot);
        Assert.Equal(new TeamMember(Lead.UserId, TeamRoles.LeadInspector), opened.Team[0]);
        Assert.Equal(Now, decision.State!.OpenedAt);
        Assert.Same(decision.State, Assert.Single(decision.Writes).Document);
    }

    [Fact]
    public void An_inspector_may_not_open_an_inspection() =>
        AssertRefused(OpenInspectionEndpoint.Decide(Command(), Inspector, Frameworks, Stockport, NewId, Now), 403);

    [Fact]
    public void A_code_the_register_does_not_hold_is_refused_by_field() =>
        AssertRefused(OpenInspectionEndpoint.Decide(Command(), Lead, Frameworks, registered: null, NewId, Now), 400, "yot.code");

    [Fact]
    public void Weeks_out_of_order_are_refused_by_field()
    {
        var command = Command() with { FieldworkWeeks = [new OpenInspection.WeekInput(2, new DateOnly(2026, 3, 2))] };

        AssertRefused(OpenInspectionEndpoint.Decide(command, Lead, Frameworks, Stockport, NewId, Now), 400, "fieldworkWeeks[0].number");
    }

    [Fact]
    public void A_name_other_than_the_register_s_is_a_conflict_that_shows_the_register()
    {
        var decision = OpenInspectionEndpoint.Decide(Command(name: "Stockport Youth Justice"), Lead, Frameworks, Stockport, NewId, Now);

        AssertRefused(decision, 409);
        Assert.Equal(Stockport.Reference, decision.Rejection!.Extensions!["registered"]);
    }
}
