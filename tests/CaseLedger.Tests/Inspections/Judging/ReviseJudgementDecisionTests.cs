using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Scoring;
using static CaseLedger.Tests.Inspections.InMemory;

namespace CaseLedger.Tests.Inspections.Judging;

/// <summary>Revising a judgement, decided without a host.</summary>
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
    public void A_stale_version_is_a_conflict_that_shows_the_current_judgement()
    {
        var header = Header();
        var current = Judgement(header);

        var decision = ReviseJudgementEndpoint.Decide(ContextOf(header), current.Id, current, new ReviseJudgement("insufficient", null, null, 7), Now);

        AssertRefused(decision, 409);
        Assert.Equal(JudgementView.From(current), decision.Rejection!.Extensions!["current"]);
    }

    [Fact]
    public void A_change_that_changes_nothing_is_a_conflict()
    {
        var header = Header();
        var current = Judgement(header);

        AssertRefused(ReviseJudgementEndpoint.Decide(ContextOf(header), current.Id, current, new ReviseJudgement("sufficient", null, null, 1), Now), 409);
    }

    [Fact]
    public void The_seen_version_is_required() =>
        AssertRefused(ReviseJudgementEndpoint.Decide(ContextOf(Header()), Judgement(Header()).Id, Judgement(Header()),
            new ReviseJudgement("insufficient", null, null, null), Now), 400, "expectedVersion");

    [Fact]
    public void A_judgement_of_another_inspection_is_not_found()
    {
        var elsewhere = Judgement(Header()) with { InspectionId = Guid.NewGuid() };

        AssertRefused(ReviseJudgementEndpoint.Decide(ContextOf(Header()), elsewhere.Id, elsewhere, new ReviseJudgement("insufficient", null, null, 1), Now), 404);
    }

    [Fact]
    public void Revisions_wait_for_an_open_week()
    {
        var header = Header(openWeek: null, closedWeeks: [1]);

        AssertRefused(ReviseJudgementEndpoint.Decide(ContextOf(header), Judgement(header).Id, Judgement(header),
            new ReviseJudgement("insufficient", null, null, 1), Now), 409);
    }
}
