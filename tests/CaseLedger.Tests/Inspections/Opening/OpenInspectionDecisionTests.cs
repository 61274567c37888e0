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

    private static readonly OpenInspection.WeekInput Week1 = new(1, new DateOnly(2026, 3, 2));

    private static OpenInspection Command(string? name = null, string? region = null) => new(
        null, InMemory.Framework.Id, null, new OpenInspection.YotInput("stockport", name, region), null,
        [Week1, new OpenInspection.WeekInput(2, new DateOnly(2026, 3, 9))],
        [new OpenInspection.MemberInput(Inspector.UserId, TeamRoles.Inspector)]);

    private static OpenInspection.MemberInput Member(string userId, string role = TeamRoles.Inspector) => new(userId, role);

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
    public void A_chosen_id_the_register_s_own_name_and_the_lead_naming_themself_are_accepted_and_the_title_defaults()
    {
        var chosen = Guid.Parse("6a0c8f5e-0000-4000-8000-0000000000de");
        var command = Command(name: " Stockport YOS ", region: "North West") with
        {
            Id = chosen,
            Title = "  ",
            Team = [Member(Lead.UserId, TeamRoles.LeadInspector), Member(Inspector.UserId)],
        };

        var decision = OpenInspectionEndpoint.Decide(command, Lead, Frameworks, Stockport, NewId, Now);

        var opened = Assert.IsType<InspectionOpened>(Assert.Single(decision.Events));
        Assert.Equal(chosen, opened.InspectionId);
        Assert.Equal($"{InMemory.Framework.Name}: Stockport YOS", opened.Title);
        Assert.Equal([new TeamMember(Lead.UserId, TeamRoles.LeadInspector), new TeamMember(Inspector.UserId, TeamRoles.Inspector)], opened.Team);
    }

    [Fact]
    public void An_inspector_may_not_open_an_inspection() =>
        AssertRefused(OpenInspectionEndpoint.Decide(Command(), Inspector, Frameworks, Stockport, NewId, Now), 403);

    [Fact]
    public void A_code_the_register_does_not_hold_is_refused_by_field() =>
        AssertRefused(OpenInspectionEndpoint.Decide(Command(), Lead, Frameworks, registered: null, NewId, Now), 400, "yot.code");

    [Theory]
    [InlineData("no-framework", "frameworkId")]
    [InlineData("unknown-framework", "frameworkId")]
    [InlineData("unknown-framework-version", "frameworkVersion")]
    [InlineData("no-yot", "yot")]
    [InlineData("blank-code", "yot.code")]
    [InlineData("malformed-code", "yot.code")]
    [InlineData("blank-name", "yot.name")]
    [InlineData("unknown-region", "yot.region")]
    [InlineData("long-title", "title")]
    [InlineData("no-weeks", "fieldworkWeeks")]
    [InlineData("too-many-weeks", "fieldworkWeeks")]
    [InlineData("weeks-out-of-order", "fieldworkWeeks[0].number")]
    [InlineData("week-without-a-start", "fieldworkWeeks[0].startsOn")]
    [InlineData("week-starting-before-the-last", "fieldworkWeeks[1].startsOn")]
    [InlineData("team-too-large", "team")]
    [InlineData("member-without-an-id", "team[0].userId")]
    [InlineData("member-with-an-unknown-role", "team[0].role")]
    [InlineData("member-named-twice", "team")]
    [InlineData("another-lead", "team")]
    public void Bad_fields_are_refused_by_name(string what, string field)
    {
        var command = Command();
        var yot = command.Yot!;
        command = what switch
        {
            "no-framework" => command with { FrameworkId = null },
            "unknown-framework" => command with { FrameworkId = "no-such-framework" },
            "unknown-framework-version" => command with { FrameworkVersion = InMemory.Framework.Version + 1 },
            "no-yot" => command with { Yot = null },
            "blank-code" => command with { Yot = yot with { Code = "" } },
            "malformed-code" => command with { Yot = yot with { Code = "Not A Code" } },
            "blank-name" => command with { Yot = yot with { Name = " " } },
            "unknown-region" => command with { Yot = yot with { Region = "Atlantis" } },
            "long-title" => command with { Title = new string('t', 201) },
            "no-weeks" => command with { FieldworkWeeks = [] },
            "too-many-weeks" => command with
            {
                FieldworkWeeks = [.. Enumerable.Range(1, OpenInspectionEndpoint.MaxWeeks + 1).Select(n => new OpenInspection.WeekInput(n, Week1.StartsOn!.Value.AddDays(7 * n)))],
            },
            "weeks-out-of-order" => command with { FieldworkWeeks = [Week1 with { Number = 2 }] },
            "week-without-a-start" => command with { FieldworkWeeks = [Week1 with { StartsOn = null }] },
            "week-starting-before-the-last" => command with { FieldworkWeeks = [Week1, new OpenInspection.WeekInput(2, Week1.StartsOn)] },
            "team-too-large" => command with { Team = [.. Enumerable.Range(0, OpenInspectionEndpoint.MaxTeam + 1).Select(i => Member($"inspector-{i}"))] },
            "member-without-an-id" => command with { Team = [Member(" ")] },
            "member-with-an-unknown-role" => command with { Team = [Member(Inspector.UserId, "janitor")] },
            "member-named-twice" => command with { Team = [Member(Inspector.UserId), Member(Inspector.UserId)] },
            "another-lead" => command with { Team = [Member(Inspector.UserId, TeamRoles.LeadInspector)] },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        AssertRefused(OpenInspectionEndpoint.Decide(command, Lead, Frameworks, Stockport, NewId, Now), 400, field);
    }

    [Theory]
    [InlineData("Stockport Youth Justice", null)]
    [InlineData(null, "North East")]
    public void A_name_or_region_other_than_the_register_s_is_a_conflict_that_shows_the_register(string? name, string? region)
    {
        var decision = OpenInspectionEndpoint.Decide(Command(name, region), Lead, Frameworks, Stockport, NewId, Now);

        AssertRefused(decision, 409);
        Assert.Equal(Stockport.Reference, decision.Rejection!.Extensions!["registered"]);
    }
}
