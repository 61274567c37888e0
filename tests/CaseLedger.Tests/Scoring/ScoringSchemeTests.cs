namespace CaseLedger.Tests.Scoring;

public class ScoringSchemeTests
{
    private readonly ScoringScheme scheme = ScoringScheme.From(TestFrameworks.Small());

    [Fact]
    public void Scopes_come_in_framework_order_with_person_rated_themes_left_out()
    {
        var scopes = scheme.Scopes.Select(scope => $"{scope.Kind}:{scope.Id}");

        Assert.Equal(
            ["Theme:safety", "Theme:risk", "Section:1", "Criterion:1.1", "Criterion:1.2", "Section:2", "Criterion:2.1", "Criterion:2.2"],
            scopes);
        Assert.Equal(Enumerable.Range(0, scheme.Scopes.Count), scheme.Scopes.Select(scope => scope.Ordinal));
    }

    [Fact]
    public void A_question_key_to_two_themes_counts_in_both_and_in_its_section_and_criterion()
    {
        var placement = scheme.Placement("1.1.b");

        Assert.Equal(new QuestionPlacement("1.1.b", "1.1", "1", placement.ThemeIds), placement);
        Assert.Equal(["risk", "safety"], placement.ThemeIds);
        Assert.Equal(["risk", "safety", "1", "1.1"], scheme.ScopesOf("1.1.b").Select(scope => scope.Id));
    }

    [Fact]
    public void A_question_key_to_no_theme_counts_in_its_section_and_criterion_only() =>
        Assert.Equal(["2", "2.2"], scheme.ScopesOf("2.2.a").Select(scope => scope.Id));

    [Fact]
    public void An_unknown_question_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => scheme.ScopesOf("9.9.z"));
        Assert.Contains("'9.9.z'", error.Message);
        Assert.False(scheme.Contains("9.9.z"));
    }

    [Theory]
    [InlineData(0, "drastic")]
    [InlineData(39, "drastic")]
    [InlineData(40, "substantial")]
    [InlineData(59, "substantial")]
    [InlineData(60, "moderate")]
    [InlineData(74, "moderate")]
    [InlineData(75, "minimum")]
    [InlineData(100, "minimum")]
    public void Bands_at_their_boundaries(int score, string band) => Assert.Equal(band, scheme.BandFor(score).Id);

    [Fact]
    public void A_score_outside_0_to_100_has_no_band() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => scheme.BandFor(101));

    [Fact]
    public void Every_shipped_framework_compiles_to_a_scheme_with_a_scope_per_criterion_section_scored_theme_and_rated_key_question()
    {
        foreach (var framework in FrameworkLoader.LoadDefault().All)
        {
            var compiled = ScoringScheme.From(framework);

            var criteria = framework.Sections.Sum(section => section.Criteria.Count);
            var scoredThemes = framework.Themes.Count(theme => theme.JudgedBy is null);
            var keyQuestions = framework.Ratings?.Standards.Sum(standard => standard.KeyQuestions?.Count ?? 0) ?? 0;
            Assert.Equal(criteria + framework.Sections.Count + scoredThemes + keyQuestions, compiled.Scopes.Count);
            Assert.Equal(framework.Sections.Sum(section => section.Criteria.Sum(criterion => criterion.Questions.Count)), compiled.Questions.Count);
        }
    }

    [Fact]
    public void Duplicate_question_ids_are_refused()
    {
        var framework = TestFrameworks.Small();
        var first = framework.Sections[0];
        var duplicated = first with { Criteria = [.. first.Criteria, new Criterion("1.3", "Copy", [TestFrameworks.Question("1.1.a")])] };

        Assert.Throws<ArgumentException>(() => ScoringScheme.From(framework with { Sections = [duplicated, framework.Sections[1]] }));
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("governance")]
    public void A_key_question_for_a_theme_that_is_not_scored_is_refused(string themeId)
    {
        var framework = TestFrameworks.Small();
        var section = framework.Sections[1];
        var extended = section with { Criteria = [.. section.Criteria, new Criterion("2.3", "Extra", [TestFrameworks.Question("2.3.a", themeId)])] };

        var error = Assert.Throws<ArgumentException>(() => ScoringScheme.From(framework with { Sections = [framework.Sections[0], extended] }));
        Assert.Contains(themeId, error.Message);
    }

    [Fact]
    public void Bands_with_a_gap_are_refused()
    {
        var banding = new Banding("test", [new Band("low", "Low", 0, 49), new Band("high", "High", 51, 100)]);

        var error = Assert.Throws<ArgumentException>(() => ScoringScheme.From(TestFrameworks.Small() with { Banding = banding }));
        Assert.Contains("50", error.Message);
    }

    [Fact]
    public void Overlapping_bands_are_refused()
    {
        var banding = new Banding("test", [new Band("low", "Low", 0, 50), new Band("high", "High", 50, 100)]);

        Assert.Throws<ArgumentException>(() => ScoringScheme.From(TestFrameworks.Small() with { Banding = banding }));
    }
}
