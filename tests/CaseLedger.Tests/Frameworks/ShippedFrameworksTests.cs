namespace CaseLedger.Tests.Frameworks;

/// <summary>The framework files the service ships with: they load, and their shape matches DESIGN.md §2.</summary>
public class ShippedFrameworksTests
{
    private static readonly FrameworkCatalog Catalog = FrameworkLoader.LoadDefault();

    [Fact]
    public void The_four_shipped_frameworks_load_and_validate()
    {
        Assert.Equal(
            [("cci-2009", 1), ("fji-2013", 1), ("hmip-youth-2021", 1), ("sqs-2014", 1)],
            Catalog.All.Select(framework => (framework.Id, framework.Version)));
        Assert.All(Catalog.All, framework => Assert.Empty(FrameworkValidator.Validate(framework)));
    }

    /// <summary>What the research confirmed of the 2021 youth standards (see the file's provenance): four domains,
    /// thirteen standards, seven of them rated from the case sample on three key questions each, and resettlement
    /// rated but outside the overall score, which therefore stays out of 36.</summary>
    [Fact]
    public void The_youth_justice_framework_rates_thirteen_standards_and_scores_twelve_out_of_36()
    {
        var youth = Framework("hmip-youth-2021");
        var ratings = youth.Ratings!;
        Assert.Equal(["1", "2", "3", "4"], youth.Sections.Select(section => section.Id));
        Assert.Equal(13, ratings.Standards.Count);
        Assert.Equal(["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"], ratings.Standards.Where(s => !s.IsFromEvidence).Select(s => s.Id));
        Assert.All(ratings.Standards.Where(s => !s.IsFromEvidence), standard => Assert.Equal(3, standard.KeyQuestions!.Count));
        Assert.Equal(["4.1"], ratings.Standards.Where(s => !s.CountsTowardOverall).Select(s => s.Id));
        Assert.Equal([(0, 6), (7, 18), (19, 30), (31, 36)], ratings.OverallBands.Select(band => (band.From, band.To)));
        Assert.Equal([3, 2, 1, 0], ratings.Scale.Select(level => level.Points));
        Assert.All(youth.Sections[2].Criteria.SelectMany(c => c.Questions), q => Assert.Equal(["out-of-court-disposal"], q.AppliesTo!.SentenceTypes!));
        Assert.Contains("NOT CONFIRMED", ratings.Overrides.Provenance);
        Assert.Contains("INFERRED", youth.Banding.Provenance);
    }

    [Fact]
    public void The_core_case_inspection_has_the_published_criteria()
    {
        var cci = Framework("cci-2009");

        Assert.Equal(
            [
                ("1", "1.1", "Risk of Harm to others"),
                ("1", "1.2", "Likelihood of Reoffending"),
                ("1", "1.3", "Safeguarding"),
                ("2", "2.1", "Protecting the public by minimising Risk of Harm to others"),
                ("2", "2.2", "Reducing the Likelihood of Reoffending"),
                ("2", "2.3", "Safeguarding the child or young person"),
                ("3", "3.1", "Achievement of outcomes"),
                ("3", "3.2", "Sustaining outcomes"),
            ],
            cci.Sections.SelectMany(section => section.Criteria.Select(criterion => (section.Id, criterion.Id, criterion.Title))));
        Assert.Equal(
            ["Assessment and sentence planning", "Delivery and review of interventions", "Outcomes"],
            cci.Sections.Select(section => section.Title));
    }

    [Fact]
    public void The_core_case_inspection_has_enough_questions_to_reproduce_its_published_scores()
    {
        var cci = Framework("cci-2009");
        var questions = Questions(cci).ToList();

        Assert.InRange(questions.Count, 40, 80);
        Assert.All(cci.Sections.SelectMany(section => section.Criteria), criterion => Assert.True(
            criterion.Questions.Count >= 3, $"criterion {criterion.Id} has {criterion.Questions.Count} questions"));
        Assert.Equal(["safeguarding", "risk-of-harm", "likelihood-of-reoffending"], cci.Themes.Select(theme => theme.Id));
        Assert.All(cci.Themes, theme =>
        {
            var keys = questions.Count(question => question.KeyFor.Contains(theme.Id));
            Assert.True(keys >= 10, $"headline theme {theme.Id} has only {keys} key questions");
        });
    }

    [Fact]
    public void Core_case_inspection_key_questions_come_mainly_from_their_own_criteria()
    {
        var cci = Framework("cci-2009");

        Assert.Equal(["1.1", "2.1"], MainSourcesOfKeyQuestions(cci, "risk-of-harm"));
        Assert.Equal(["1.3", "2.3"], MainSourcesOfKeyQuestions(cci, "safeguarding"));
        Assert.All(KeyQuestionCriteria(cci, "likelihood-of-reoffending"), criterion => Assert.Contains(criterion, new[] { "1.2", "2.2", "3.1", "3.2" }));
    }

    [Fact]
    public void Core_case_inspection_bands_match_the_inferred_cut_offs()
    {
        var bands = Framework("cci-2009").Banding;

        Assert.Equal(
            [("minimum", 75, 100), ("moderate", 60, 74), ("substantial", 40, 59), ("drastic", 0, 39)],
            bands.Bands.Select(band => (band.Id, band.From, band.To)));
        Assert.Contains("Inferred", bands.Provenance);
        Assert.Contains("64% as not SUBSTANTIAL", bands.Provenance);
    }

    [Fact]
    public void In_the_full_joint_inspection_governance_is_rated_by_the_lead_and_every_case_question_is_key_for_its_own_theme()
    {
        var fji = Framework("fji-2013");

        Assert.Equal(6, fji.Themes.Count);
        var governance = Assert.Single(fji.Themes, theme => theme.JudgedBy is not null);
        Assert.Equal(("governance-and-partnerships", "lead-inspector"), (governance.Id, governance.JudgedBy));
        Assert.Empty(fji.Sections.Single(section => section.Title == "Governance and partnerships").Criteria);

        var themeOfSection = new Dictionary<string, string>
        {
            ["1"] = "reducing-reoffending",
            ["2"] = "protecting-the-public",
            ["3"] = "protecting-children-and-young-people",
            ["4"] = "ensuring-the-sentence-is-served",
            ["6"] = "interventions-to-reduce-reoffending",
        };
        Assert.Equal(themeOfSection.Keys, fji.Sections.Where(section => section.Criteria.Count > 0).Select(section => section.Id));
        Assert.All(fji.Sections.Where(section => section.Criteria.Count > 0), section =>
            Assert.All(section.Criteria.SelectMany(criterion => criterion.Questions), question =>
                Assert.Equal([themeOfSection[section.Id]], question.KeyFor)));
    }

    [Fact]
    public void The_short_quality_screening_covers_four_themes_and_operational_management()
    {
        var sqs = Framework("sqs-2014");

        Assert.Equal(
            ["Reducing reoffending", "Protecting the public", "Protecting the child or young person", "Ensuring that the sentence is served", "Operational management"],
            sqs.Sections.Select(section => section.Title));
        Assert.All(sqs.Sections, section => Assert.NotEmpty(section.Criteria));
    }

    [Theory]
    [InlineData("cci-2009")]
    [InlineData("fji-2013")]
    [InlineData("sqs-2014")]
    public void Every_question_points_at_the_seed_it_comes_from(string id)
    {
        Assert.All(Questions(Framework(id)), question => Assert.StartsWith("seed", question.Source));
    }

    [Theory]
    [InlineData("cci-2009")]
    [InlineData("fji-2013")]
    [InlineData("sqs-2014")]
    public void Most_questions_apply_to_every_case(string id)
    {
        var questions = Questions(Framework(id)).ToList();

        Assert.True(questions.Count(question => question.AppliesTo is null) * 2 > questions.Count);
    }

    [Theory]
    [InlineData("cci-2009")]
    [InlineData("fji-2013")]
    [InlineData("sqs-2014")]
    public void The_required_reason_codes_are_declared(string id)
    {
        Assert.Subset(
            Framework(id).ReasonCodes.Select(code => code.Id).ToHashSet(),
            new HashSet<string> { "not-completed", "not-timely", "insufficient-quality", "not-reviewed" });
    }

    private static Framework Framework(string id) => Catalog.Latest(id) ?? throw new InvalidOperationException($"{id} is not shipped");

    private static IEnumerable<Question> Questions(Framework framework) =>
        framework.Sections.SelectMany(section => section.Criteria).SelectMany(criterion => criterion.Questions);

    private static IEnumerable<string> KeyQuestionCriteria(Framework framework, string theme) =>
        framework.Sections.SelectMany(section => section.Criteria)
            .Where(criterion => criterion.Questions.Any(question => question.KeyFor.Contains(theme)))
            .Select(criterion => criterion.Id);

    /// <summary>The two criteria that give a theme the most key questions, in criterion order.</summary>
    private static IEnumerable<string> MainSourcesOfKeyQuestions(Framework framework, string theme) =>
        framework.Sections.SelectMany(section => section.Criteria)
            .OrderByDescending(criterion => criterion.Questions.Count(question => question.KeyFor.Contains(theme)))
            .Take(2)
            .Select(criterion => criterion.Id)
            .Order();
}
