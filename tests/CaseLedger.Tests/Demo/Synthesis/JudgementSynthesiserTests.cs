using CaseLedger.Demo.Synthesis;
using CaseLedger.Tests.Scoring;

namespace CaseLedger.Tests.Demo.Synthesis;

public class JudgementSynthesiserTests
{
    private static readonly SampleCase CommunityCase = new(new Guid("00000000-0000-0000-0000-0000000000c1"), "community", "referral-order", "low");
    private static readonly SampleCase CustodyCase = new(new Guid("00000000-0000-0000-0000-0000000000c2"), "custody", "detention-and-training-order", "high");

    [Fact]
    public void Synthesised_answers_reproduce_every_published_score()
    {
        var framework = CciShapedFramework.Build();

        var answers = JudgementSynthesiser.Synthesise(framework, CciShapedFramework.Sample(), CciShapedFramework.PublishedScores, seed: 2);

        var board = Scorer.Compute(ScoringScheme.From(framework), answers);
        Assert.All(CciShapedFramework.PublishedScores, target => Assert.Equal(target.Score, board.Get(target.Kind, target.Id).Score));
    }

    [Fact]
    public void Synthesis_is_deterministic_for_a_seed()
    {
        var framework = CciShapedFramework.Build();

        var first = JudgementSynthesiser.Synthesise(framework, CciShapedFramework.Sample(), CciShapedFramework.PublishedScores, seed: 5);
        var second = JudgementSynthesiser.Synthesise(framework, CciShapedFramework.Sample(), CciShapedFramework.PublishedScores, seed: 5);

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_question_that_does_not_apply_to_a_case_is_answered_not_applicable()
    {
        var cases = Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? CommunityCase : CustodyCase) with { Id = Guid.NewGuid() }).ToList();
        var communityIds = cases.Where(c => c.Setting == "community").Select(c => c.Id).ToHashSet();

        var answers = JudgementSynthesiser.Synthesise(TestFrameworks.Small(), cases, [new ScoreTarget(ScopeKind.Theme, "safety", 60)], seed: 1);

        var custodyOnly = answers.Where(answer => answer.QuestionId == "2.1.b").ToList();
        Assert.Equal(10, custodyOnly.Count);
        Assert.All(custodyOnly.Where(answer => communityIds.Contains(answer.CaseId)), answer => Assert.Equal(Answer.NotApplicable, answer.Answer));
        Assert.Contains(custodyOnly, answer => answer.Answer != Answer.NotApplicable);
    }

    [Fact]
    public void A_score_no_sample_can_give_is_reported_by_scope()
    {
        // One case answering one question can score 0% or 100%, never 50%.
        var error = Assert.Throws<InvalidOperationException>(() =>
            JudgementSynthesiser.Synthesise(TestFrameworks.Small(), [CommunityCase], [new ScoreTarget(ScopeKind.Criterion, "2.2", 50)], seed: 1));

        Assert.Contains("'2.2'", error.Message);
    }

    [Fact]
    public void A_target_for_a_scope_the_framework_lacks_is_refused() =>
        Assert.Throws<ArgumentException>(() =>
            JudgementSynthesiser.Synthesise(TestFrameworks.Small(), [CommunityCase], [new ScoreTarget(ScopeKind.Theme, "governance", 50)], seed: 1));

    [Fact]
    public void The_same_case_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() =>
            JudgementSynthesiser.Synthesise(TestFrameworks.Small(), [CommunityCase, CommunityCase], [], seed: 1));
}
