using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Tests.Scoring;

namespace CaseLedger.Tests.Inspections;

/// <summary>
/// An inspection built in memory, for testing the pure decisions the way Wolverine's IncidentService tests its
/// endpoint methods: call the decision with the state it would have loaded, look at what it decided.
/// </summary>
public static class InMemory
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly Framework Framework = TestFrameworks.Small();
    public static readonly Actor Lead = new("lead-1", Roles.LeadInspector);
    public static readonly Actor Inspector = new("inspector-1", Roles.Inspector);
    public static readonly Actor Stranger = new("inspector-9", Roles.Inspector);

    public static readonly SampledCase CommunityCase =
        new(Guid.Parse("6a0c8f5e-0000-4000-8000-000000000001"), "C01", "referral-order", "community", 15, null, null, "low", "current");

    /// <summary>Three planned weeks, a lead and an inspector, one community case; <paramref name="openWeek"/> open.</summary>
    public static InspectionHeader Header(int? openWeek = 1, IReadOnlyList<int>? closedWeeks = null) => new()
    {
        Id = Guid.Parse("6a0c8f5e-0000-4000-8000-0000000000aa"),
        FrameworkId = Framework.Id,
        FrameworkVersion = Framework.Version,
        Yot = new YotReference("stockport", "Stockport YOS", "North West"),
        Title = "Stockport",
        PlannedWeeks = [new(1, new DateOnly(2026, 3, 2)), new(2, new DateOnly(2026, 3, 9)), new(3, new DateOnly(2026, 3, 16))],
        Team = [new(Lead.UserId, TeamRoles.LeadInspector), new(Inspector.UserId, TeamRoles.Inspector)],
        OpenWeek = openWeek,
        ClosedWeeks = closedWeeks ?? [],
        Sample = [CommunityCase],
        Version = 4,
    };

    public static InspectionHeader Published() => Header(openWeek: null, closedWeeks: [1, 2, 3]) with { State = InspectionStates.Published };

    public static JudgingContext ContextOf(InspectionHeader header, Actor? actor = null) => new(actor ?? Inspector, header, Framework);

    /// <summary>A judgement of the community case on question 1.1.a, as recording it would store it.</summary>
    public static CurrentJudgement Judgement(InspectionHeader header, Answer answer = Answer.Sufficient, string? note = null) =>
        CurrentJudgement.Start(header.Id,
            new JudgementRecorded(Guid.Parse("6a0c8f5e-0000-4000-8000-0000000000bb"), CommunityCase.Id, "1.1.a", answer, [], note),
            Inspector.UserId, Now.AddDays(-1), week: 1);

    public static void AssertRefused<T>(Decision<T> decision, int status, string? field = null)
    {
        Assert.Empty(decision.Events);
        Assert.Empty(decision.Writes);
        Assert.NotNull(decision.Rejection);
        Assert.Equal(status, decision.Rejection.Status);
        if (field is not null)
            Assert.True(decision.Rejection.Errors?.ContainsKey(field) == true,
                $"expected an error on '{field}', got: {string.Join(", ", decision.Rejection.Errors?.Keys ?? [])}");
    }
}
