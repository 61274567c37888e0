using CaseLedger.Tests.Frameworks;

namespace CaseLedger.Tests.Scoring;

/// <summary>The rating rules, pinned at every edge on <see cref="RatedFramework"/>.</summary>
public class RaterTests
{
    private static readonly Framework Framework = RatedFramework.Read(RatedFramework.Node());
    private static readonly ScoringScheme Scheme = ScoringScheme.From(Framework);
    private static readonly Dictionary<string, RecordedRating> None = [];

    /// <summary>The inspectorate rounds a percentage to the nearest whole number, a half up, before it is banded:
    /// 49.5% is 50% and requires improvement, 64.99% is 65% and good, 79.99% is 80% and outstanding.</summary>
    [Theory]
    [InlineData(4949, 10000, "inadequate")]
    [InlineData(99, 200, "requires-improvement")]
    [InlineData(1, 2, "requires-improvement")]
    [InlineData(6449, 10000, "requires-improvement")]
    [InlineData(6499, 10000, "good")]
    [InlineData(65, 100, "good")]
    [InlineData(7949, 10000, "good")]
    [InlineData(7999, 10000, "outstanding")]
    [InlineData(4, 5, "outstanding")]
    public void A_key_questions_rating_is_its_rounded_percentages_band(int sufficient, int applicable, string rating)
    {
        var tally = new ScoreTally(Scheme);
        Answer("2.2.1", tally, sufficient, applicable - sufficient);

        var planning = Rate(tally).Get("2.2");
        Assert.Equal(rating, planning.Rating);
        Assert.Equal(rating, Assert.Single(planning.KeyQuestions).Rating);
        Assert.Equal("2.2.1", planning.SetBy);
    }

    [Fact]
    public void A_standard_takes_the_rating_of_its_lowest_key_question()
    {
        var tally = new ScoreTally(Scheme);
        Answer("2.1.1", tally, 17, 3);   // 85%: outstanding
        Answer("2.1.2", tally, 12, 8);   // 60%: requires improvement

        var assessment = Rate(tally).Get("2.1");
        Assert.Equal(("requires-improvement", "requires-improvement", "2.1.2", 1), (assessment.Rating, assessment.Derived, assessment.SetBy, assessment.Points));
        Assert.Equal(["outstanding", "requires-improvement"], assessment.KeyQuestions.Select(key => key.Rating));
    }

    [Fact]
    public void A_key_question_with_no_applicable_answer_sets_nothing_and_a_standard_with_none_is_unrated()
    {
        var tally = new ScoreTally(Scheme);
        Answer("2.1.1", tally, 9, 1);
        tally.Apply("2.1.2", null, global::CaseLedger.Api.Scoring.Answer.NotApplicable);

        var board = Rate(tally);
        Assert.Equal(("outstanding", "2.1.1"), (board.Get("2.1").Rating, board.Get("2.1").SetBy));
        Assert.Null(board.Get("2.2").Rating);
        Assert.Equal((1, 3, (string?)null), (board.Overall!.RatedStandards, board.Overall!.Standards, board.Overall!.Rating));
    }

    [Fact]
    public void An_evidence_standard_takes_the_leads_rating()
    {
        var board = Rater.Rate(Framework, new ScoreTally(Scheme).Scoreboard(), Recorded(("1.1", "good")), None)!;
        var governance = board.Get("1.1");
        Assert.Equal(("evidence", "good", 2, "Rationale for 1.1"), (governance.Basis, governance.Rating, governance.Points, governance.Evidence!.Rationale));
        Assert.Empty(governance.KeyQuestions);
    }

    [Fact]
    public void An_override_stands_beside_the_derived_rating_and_one_back_to_it_is_no_override()
    {
        var tally = new ScoreTally(Scheme);
        Answer("2.2.1", tally, 13, 7);   // 65%: good

        var overridden = Rater.Rate(Framework, tally.Scoreboard(), None, Recorded(("2.2", "requires-improvement")))!.Get("2.2");
        Assert.Equal(("requires-improvement", "good", true, 1), (overridden.Rating, overridden.Derived, overridden.Overridden, overridden.Points));

        var withdrawn = Rater.Rate(Framework, tally.Scoreboard(), None, Recorded(("2.2", "good")))!.Get("2.2");
        Assert.Equal(("good", false), (withdrawn.Rating, withdrawn.Overridden));
        // An evidence standard cannot be overridden: its rating is the lead's already.
        Assert.False(Rater.Rate(Framework, tally.Scoreboard(), Recorded(("1.1", "good")), Recorded(("1.1", "inadequate")))!.Get("1.1").Overridden);
    }

    /// <summary>Each edge of the overall bands (0–2, 3–5, 6–7, 8–9), reached by setting the three standards' ratings.</summary>
    [Theory]
    [InlineData("inadequate", "requires-improvement", "requires-improvement", 2, "inadequate")]
    [InlineData("requires-improvement", "requires-improvement", "requires-improvement", 3, "requires-improvement")]
    [InlineData("good", "good", "requires-improvement", 5, "requires-improvement")]
    [InlineData("good", "good", "good", 6, "good")]
    [InlineData("outstanding", "good", "good", 7, "good")]
    [InlineData("outstanding", "outstanding", "good", 8, "outstanding")]
    [InlineData("outstanding", "outstanding", "outstanding", 9, "outstanding")]
    [InlineData("inadequate", "inadequate", "inadequate", 0, "inadequate")]
    public void The_overall_rating_is_the_band_of_the_standards_points(string governance, string assessment, string planning, int points, string overall)
    {
        var tally = new ScoreTally(Scheme);
        Answer("2.1.1", tally, 1, 1);
        Answer("2.1.2", tally, 1, 1);
        Answer("2.2.1", tally, 1, 1);   // every key question 50%: requires improvement, unless overridden

        var board = Rater.Rate(Framework, tally.Scoreboard(), Recorded(("1.1", governance)), Recorded(("2.1", assessment), ("2.2", planning)))!;
        Assert.Equal((points, 9, overall), (board.Overall!.Points, board.Overall!.MaxPoints, board.Overall!.Rating));
    }

    private static RatingBoard Rate(ScoreTally tally) => Rater.Rate(Framework, tally.Scoreboard(), None, None)!;

    private static Dictionary<string, RecordedRating> Recorded(params (string Standard, string Rating)[] ratings) =>
        ratings.ToDictionary(entry => entry.Standard, entry => new RecordedRating(entry.Rating, $"Rationale for {entry.Standard}", "lead", DateTimeOffset.UnixEpoch, 1));

    private static void Answer(string question, ScoreTally tally, int sufficient, int insufficient)
    {
        for (var i = 0; i < sufficient; i++) tally.Apply(question, null, global::CaseLedger.Api.Scoring.Answer.Sufficient);
        for (var i = 0; i < insufficient; i++) tally.Apply(question, null, global::CaseLedger.Api.Scoring.Answer.Insufficient);
    }
}
