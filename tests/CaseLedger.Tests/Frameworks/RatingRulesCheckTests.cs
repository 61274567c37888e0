using System.Text.Json.Nodes;

namespace CaseLedger.Tests.Frameworks;

/// <summary>Each rule a framework's ratings must keep, broken one at a time in an otherwise valid framework.</summary>
public class RatingRulesCheckTests
{
    [Fact]
    public void The_rated_framework_passes_and_its_key_questions_are_scored_on_their_own()
    {
        var scheme = ScoringScheme.From(RatedFramework.Read(RatedFramework.Node()));
        Assert.Equal(["2.1.1", "2.1.2", "2.2.1"], scheme.Scopes.Where(scope => scope.Kind == ScopeKind.KeyQuestion).Select(scope => scope.Id));
        Assert.Contains(scheme.ScopesOf("2.1.2"), scope => scope is { Kind: ScopeKind.KeyQuestion, Id: "2.1.2" });
    }

    [Fact]
    public void Overall_bands_that_leave_a_gap_are_refused()
    {
        var framework = RatedFramework.Node();
        framework.Ratings()["overallBands"]![1]!["to"] = 4;
        Assert.Contains("overall bands leave a gap: totals 5-5 fall in no band", RatedFramework.RefusalOf(framework));
    }

    [Fact]
    public void Overall_bands_that_overlap_are_refused()
    {
        var framework = RatedFramework.Node();
        framework.Ratings()["overallBands"]![2]!["from"] = 5;
        Assert.Contains("overall bands 'requires-improvement' (3-5) and 'good' (5-7) overlap at 5-5", RatedFramework.RefusalOf(framework));
    }

    [Fact]
    public void Overall_bands_that_stop_short_of_the_most_points_are_refused()
    {
        var framework = RatedFramework.Node();
        framework.Ratings()["overallBands"]![3]!["to"] = 12;
        Assert.Contains("reaches outside 0-9, the points 3 standards can add up to", RatedFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_standard_with_neither_key_questions_nor_an_evidence_rating_is_refused()
    {
        var framework = RatedFramework.Node();
        framework.Standard(0).Remove("ratedFrom");
        Assert.Contains("standard '1.1' has neither key questions nor an evidence rating, so it could never be rated", RatedFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_standard_rated_from_evidence_and_key_questions_is_refused()
    {
        var framework = RatedFramework.Node();
        framework.Standard(1)["ratedFrom"] = "evidence";
        Assert.Contains("standard '2.1' is rated from evidence but also has key questions (2.1.1, 2.1.2)", RatedFramework.RefusalOf(framework));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    public void Points_outside_the_range_are_refused(int points)
    {
        var framework = RatedFramework.Node();
        framework.Ratings()["scale"]![0]!["points"] = points;
        Assert.Contains($"rating 'outstanding' is worth {points} points, outside 0-3 for a scale of 4", RatedFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_key_question_the_framework_does_not_ask_is_refused()
    {
        var framework = RatedFramework.Node();
        framework.Standard(2)["keyQuestions"] = new JsonArray("2.2.9");
        Assert.Contains("standard '2.2' names key question '2.2.9', which is not a question of the framework", RatedFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_key_question_rating_two_standards_is_refused()
    {
        var framework = RatedFramework.Node();
        framework.Standard(2)["keyQuestions"] = new JsonArray("2.2.1", "2.1.2");
        Assert.Contains("key question '2.1.2' rates both standard '2.1' and standard '2.2'", RatedFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_scale_that_is_not_the_banding_is_refused()
    {
        var framework = RatedFramework.Node();
        framework.Ratings()["scale"]![1]!["id"] = "fine";
        var refusal = RatedFramework.RefusalOf(framework);
        Assert.Contains("are not the rating scale", refusal);
        Assert.Contains("overall band 6-7 gives rating 'good', which is not on the scale", refusal);
    }

    [Fact]
    public void Ratings_without_a_provenance_are_refused()
    {
        var framework = RatedFramework.Node();
        framework.Ratings()["provenance"] = " ";
        Assert.Contains("ratings have an empty provenance", RatedFramework.RefusalOf(framework));
    }
}
