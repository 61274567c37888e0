using CaseLedger.Api.Inspections.Judging;
using static CaseLedger.Tests.Inspections.InMemory;

namespace CaseLedger.Tests.Inspections.Judging;

/// <summary>Revising a judgement, decided without a host: who may and when, and the note. The rules revising shares
/// with moderating are checked for both in <see cref="ChangeDecisionTests"/>.</summary>
public sealed class ReviseJudgementDecisionTests
{
    [Fact]
    public void A_revision_at_the_seen_version_carries_the_answer_it_replaced_and_bumps_the_version()
    {
        var header = Header(openWeek: 2);
        var current = Judgement(header);

        var decision = ReviseJudgementEndpoint.Decide(ContextOf(header, Lead), current.Id, current,
            new ReviseJudgement("insufficient", ["not-completed"], "on reflection", ExpectedVersion: 1), Now);

        Assert.Equivalent(new JudgementRevised(current.Id, current.CaseId, "1.1.a", Answer.Sufficient, Answer.Insufficient, ["not-completed"], "on reflection", 2),
            Assert.Single(decision.Events), strict: true);
        var changed = decision.State!;
        Assert.Equal((2, "on reflection", Lead.UserId, Inspector.UserId, 2), (changed.Version, changed.Note, changed.LastChangedBy, changed.RecordedBy, changed.Week));
        Assert.Same(changed, Assert.Single(decision.Writes).Document);
        Assert.True(decision.RequiresStillWritable);
    }

    [Fact]
    public void A_new_note_alone_is_a_revision_any_team_member_may_make()
    {
        var header = Header();
        var current = Judgement(header, note: "first look");

        var decision = ReviseJudgementEndpoint.Decide(ContextOf(header, Inspector), current.Id, current,
            new ReviseJudgement("sufficient", null, "second look", ExpectedVersion: 1), Now);

        var revised = Assert.IsType<JudgementRevised>(Assert.Single(decision.Events));
        Assert.Equal((Answer.Sufficient, Answer.Sufficient, "second look"), (revised.Previous, revised.Answer, revised.Note));
        Assert.Equal(Inspector.UserId, decision.State!.LastChangedBy);
    }

    [Theory]
    [InlineData("between-weeks")]
    [InlineData("published")]
    public void Revisions_belong_to_an_open_week_of_an_unpublished_inspection(string state)
    {
        var header = state == "published" ? Published() : Header(openWeek: null, closedWeeks: [1]);

        AssertRefused(ReviseJudgementEndpoint.Decide(ContextOf(header), Judgement(header).Id, Judgement(header),
            new ReviseJudgement("insufficient", null, null, 1), Now), 409);
    }
}
