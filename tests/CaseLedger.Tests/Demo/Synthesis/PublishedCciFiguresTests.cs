using CaseLedger.Demo.Synthesis;

namespace CaseLedger.Tests.Demo.Synthesis;

/// <summary>
/// Seed 002 (Northamptonshire, 2012) published every criterion, section and headline score of its Core Case
/// Inspection, with comments. A synthesised 62-case sample under the shipped cci-2009 framework must give the engine
/// exactly those figures, which checks the framework's shape, the scoring and the banding together.
/// </summary>
public class PublishedCciFiguresTests
{
    private const string Minimum = "MINIMUM improvement required";
    private const string Moderate = "MODERATE improvement required";

    private static readonly (ScopeKind Kind, string Id, int Score, string? Comment)[] Published =
    [
        (ScopeKind.Criterion, "1.1", 74, Moderate),
        (ScopeKind.Criterion, "1.2", 75, Minimum),
        (ScopeKind.Criterion, "1.3", 76, Minimum),
        (ScopeKind.Criterion, "2.1", 70, Moderate),
        (ScopeKind.Criterion, "2.2", 78, Minimum),
        (ScopeKind.Criterion, "2.3", 87, Minimum),
        (ScopeKind.Criterion, "3.1", 71, Moderate),
        (ScopeKind.Criterion, "3.2", 89, Minimum),
        (ScopeKind.Section, "1", 75, null),
        (ScopeKind.Section, "2", 79, null),
        (ScopeKind.Section, "3", 75, null),
        (ScopeKind.Theme, "safeguarding", 80, Minimum),
        (ScopeKind.Theme, "risk-of-harm", 68, Moderate),
        (ScopeKind.Theme, "likelihood-of-reoffending", 76, Minimum),
    ];

    private static readonly Lazy<Framework> Cci = new(() =>
        FrameworkLoader.LoadDefault().Latest("cci-2009") ?? throw new InvalidOperationException("cci-2009 is not shipped."));

    [Fact]
    public void A_synthesised_sample_reproduces_every_published_score_and_comment()
    {
        var answers = Synthesise(seed: 2012);

        var board = Scorer.Compute(ScoringScheme.From(Cci.Value), answers);

        Assert.All(Published, published =>
        {
            var score = board.Get(published.Kind, published.Id);
            Assert.Equal(published.Score, score.Score);
            if (published.Comment is { } comment)
                Assert.Equal(comment, score.Band?.Label);
        });
    }

    [Fact]
    public void Every_case_answers_every_question_and_inapplicable_questions_are_not_applicable()
    {
        var cases = Sample().ToDictionary(sampleCase => sampleCase.Id);
        var questions = Cci.Value.Sections.SelectMany(s => s.Criteria).SelectMany(c => c.Questions).ToDictionary(q => q.Id);

        var answers = Synthesise(seed: 2012);

        Assert.Equal(cases.Count * questions.Count, answers.Select(answer => (answer.CaseId, answer.QuestionId)).Distinct().Count());
        var inapplicable = answers.Where(answer => !Applies(questions[answer.QuestionId].AppliesTo, cases[answer.CaseId])).ToList();
        Assert.NotEmpty(inapplicable);
        Assert.All(inapplicable, answer => Assert.Equal(Answer.NotApplicable, answer.Answer));
    }

    [Fact]
    public void The_same_seed_gives_the_same_answers_and_another_seed_different_ones()
    {
        Assert.Equal(Synthesise(seed: 7), Synthesise(seed: 7));
        Assert.NotEqual(Synthesise(seed: 7), Synthesise(seed: 8));
    }

    private static IReadOnlyList<CaseAnswer> Synthesise(int seed) =>
        JudgementSynthesiser.Synthesise(
            Cci.Value,
            Sample(),
            [.. Published.Select(published => new ScoreTarget(published.Kind, published.Id, published.Score))],
            seed);

    /// <summary>
    /// 62 cases like a 2012 Core Case Inspection sample: 48 in the community (referral orders and youth
    /// rehabilitation orders), 14 in custody, Risk of Serious Harm mostly low or medium with some high and very high.
    /// </summary>
    private static IReadOnlyList<SampleCase> Sample()
    {
        string[] risks = ["low", "medium", "low", "medium", "high", "low", "medium", "low", "medium", "high", "low", "very-high", "medium"];
        return [.. Enumerable.Range(1, 62).Select(number =>
        {
            var (setting, sentence) = number switch
            {
                <= 20 => ("community", "referral-order"),
                <= 48 => ("community", "youth-rehabilitation-order"),
                <= 59 => ("custody", "detention-and-training-order"),
                _ => ("custody", "other-custodial-sentence"),
            };
            return new SampleCase(new Guid($"00000000-0000-0000-0002-{number:D12}"), setting, sentence, risks[number % risks.Length]);
        })];
    }

    private static bool Applies(Applicability? rule, SampleCase sampleCase) =>
        rule is null
        || ((rule.Settings?.Contains(sampleCase.Setting) ?? true)
            && (rule.SentenceTypes?.Contains(sampleCase.SentenceType) ?? true)
            && (rule.RiskOfHarm?.Contains(sampleCase.RiskOfHarm!) ?? true));
}
