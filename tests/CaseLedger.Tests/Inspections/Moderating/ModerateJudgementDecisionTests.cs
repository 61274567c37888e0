using CaseLedger.Api.Inspections.Moderating;
using static CaseLedger.Tests.Inspections.InMemory;

namespace CaseLedger.Tests.Inspections.Moderating;

/// <summary>Moderating a judgement, decided without a host: only the lead, until publication, always with a rationale.
/// The rules moderating shares with revising are checked for both in <see cref="Judging.ChangeDecisionTests"/>.</summary>
public sealed class ModerateJudgementDecisionTests
{
    [Fact]
    public void After_the_weeks_the_lead_moderates_with_a_rationale_that_leaves_the_note_alone()
    {
        var header = Header(openWeek: null, closedWeeks: [1, 2, 3]);
        var current = Judgement(header, note: "seen the plan");

        var decision = ModerateJudgementEndpoint.Decide(ContextOf(header, Lead), current.Id, current,
            new ModerateJudgement("insufficient", ["not-completed"], "plan was not reviewed", ExpectedVersion: 1), Now);

        Assert.Equivalent(new JudgementModerated(current.Id, current.CaseId, "1.1.a", Answer.Sufficient, Answer.Insufficient, ["not-completed"], "plan was not reviewed", 2),
            Assert.Single(decision.Events), strict: true);
        Assert.Equal((true, "seen the plan", 2, (int?)null), (decision.State!.Moderated, decision.State.Note, decision.State.Version, decision.Week));
        Assert.True(decision.RequiresStillWritable);
    }

    [Fact]
    public void A_rationale_is_required()
    {
        var header = Header();
        var current = Judgement(header);

        AssertRefused(ModerateJudgementEndpoint.Decide(ContextOf(header, Lead), current.Id, current, new ModerateJudgement("insufficient", null, " ", 1), Now),
            400, "rationale");
    }

    [Fact]
    public void Only_the_lead_moderates()
    {
        var header = Header();
        var current = Judgement(header);

        AssertRefused(ModerateJudgementEndpoint.Decide(ContextOf(header, Inspector), current.Id, current, new ModerateJudgement("insufficient", null, "why", 1), Now), 403);
    }

    [Fact]
    public void A_published_inspection_is_not_moderated()
    {
        var header = Published();
        var current = Judgement(header);

        AssertRefused(ModerateJudgementEndpoint.Decide(ContextOf(header, Lead), current.Id, current, new ModerateJudgement("insufficient", null, "why", 1), Now), 409);
    }

    [Fact]
    public void To_someone_off_the_team_the_judgement_does_not_exist()
    {
        var header = Header();
        var current = Judgement(header);

        AssertRefused(ModerateJudgementEndpoint.Decide(ContextOf(header, Stranger with { Role = Roles.LeadInspector }), current.Id, current,
            new ModerateJudgement("insufficient", null, "why", 1), Now), 404);
    }
}
