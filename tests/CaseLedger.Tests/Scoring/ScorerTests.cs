namespace CaseLedger.Tests.Scoring;

public class ScorerTests
{
    private static readonly Guid CaseA = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid CaseB = new("00000000-0000-0000-0000-00000000000b");

    private readonly ScoringScheme scheme = ScoringScheme.From(TestFrameworks.Small());

    [Fact]
    public void Not_applicable_answers_leave_every_denominator()
    {
        var board = Scorer.Compute(scheme,
        [
            new CaseAnswer(CaseA, "1.1.a", Answer.Sufficient),
            new CaseAnswer(CaseA, "1.1.b", Answer.Insufficient),
            new CaseAnswer(CaseA, "1.1.c", Answer.NotApplicable),
            new CaseAnswer(CaseB, "1.1.a", Answer.Sufficient),
            new CaseAnswer(CaseB, "1.1.b", Answer.Sufficient),
            new CaseAnswer(CaseB, "1.1.c", Answer.NotApplicable),
        ]);

        // 1.1: 3 sufficient, 1 insufficient, 2 not applicable → 3 / 4.
        var criterion = board.Get(ScopeKind.Criterion, "1.1");
        Assert.Equal(new ScopeCounts(3, 1, 2), criterion.Counts);
        Assert.Equal(4, criterion.Applicable);
        Assert.Equal(75m, criterion.ExactPercentage);
        Assert.Equal(75, criterion.Score);
        Assert.Equal("minimum", criterion.Band?.Id);
        Assert.Equal(board.Get(ScopeKind.Criterion, "1.1") with { Kind = ScopeKind.Section, Id = "1", Title = "Assessment" }, board.Get(ScopeKind.Section, "1"));

        // risk: 1.1.a and 1.1.b → 3 / 4; safety: 1.1.b only → 1 / 2.
        Assert.Equal(new ScopeCounts(3, 1, 0), board.Get(ScopeKind.Theme, "risk").Counts);
        var safety = board.Get(ScopeKind.Theme, "safety");
        Assert.Equal(new ScopeCounts(1, 1, 0), safety.Counts);
        Assert.Equal(50, safety.Score);
        Assert.Equal("substantial", safety.Band?.Id);
    }

    [Fact]
    public void Scopes_without_applicable_answers_have_no_score_rather_than_zero()
    {
        var board = Scorer.Compute(scheme,
        [
            new CaseAnswer(CaseA, "2.2.a", Answer.NotApplicable),
            new CaseAnswer(CaseB, "2.2.a", Answer.NotApplicable),
        ]);

        Assert.All(board.Scores, score =>
        {
            Assert.Null(score.Score);
            Assert.Null(score.ExactPercentage);
            Assert.Null(score.Band);
            Assert.Null(score.Interval);
            Assert.Equal(0, score.Applicable);
        });
        Assert.Equal(2, board.Get(ScopeKind.Criterion, "2.2").NotApplicable);
        Assert.Equal(0, board.Get(ScopeKind.Criterion, "2.1").NotApplicable);
    }

    [Fact]
    public void No_answers_at_all_give_a_full_board_of_empty_scores()
    {
        var board = Scorer.Compute(scheme, []);

        Assert.Equal(scheme.Scopes.Select(scope => scope.Id), board.Scores.Select(score => score.Id));
        Assert.All(board.Scores, score => Assert.Null(score.Score));
    }

    [Theory]
    [InlineData(1, 8, 13, "drastic")]
    [InlineData(2, 8, 25, "drastic")]
    [InlineData(79, 200, 40, "substantial")]
    [InlineData(119, 200, 60, "moderate")]
    [InlineData(148, 200, 74, "moderate")]
    [InlineData(149, 200, 75, "minimum")]
    [InlineData(150, 200, 75, "minimum")]
    public void Whole_number_scores_round_half_up_before_banding(int sufficient, int applicable, int score, string band)
    {
        var answers = Enumerable.Range(0, applicable)
            .Select(i => new CaseAnswer(Guid.NewGuid(), "1.1.c", i < sufficient ? Answer.Sufficient : Answer.Insufficient));

        var criterion = Scorer.Compute(scheme, answers).Get(ScopeKind.Criterion, "1.1");

        Assert.Equal(100m * sufficient / applicable, criterion.ExactPercentage);
        Assert.Equal(score, criterion.Score);
        Assert.Equal(band, criterion.Band?.Id);
    }

    [Fact]
    public void Scores_carry_the_wilson_interval()
    {
        var answers = Enumerable.Range(0, 10)
            .Select(i => new CaseAnswer(Guid.NewGuid(), "2.2.a", i < 8 ? Answer.Sufficient : Answer.Insufficient));

        var interval = Scorer.Compute(scheme, answers).Get(ScopeKind.Criterion, "2.2").Interval!;

        Assert.Equal(49.0, interval.Lower, 1);
        Assert.Equal(94.3, interval.Upper, 1);
    }

    [Fact]
    public void Two_current_answers_for_one_case_and_question_are_refused() =>
        Assert.Throws<ArgumentException>(() => Scorer.Compute(scheme,
        [
            new CaseAnswer(CaseA, "1.1.a", Answer.Sufficient),
            new CaseAnswer(CaseA, "1.1.a", Answer.Insufficient),
        ]));

    [Fact]
    public void An_unknown_question_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Scorer.Compute(scheme, [new CaseAnswer(CaseA, "nope", Answer.Sufficient)]));
        Assert.Contains("'nope'", error.Message);
    }
}
