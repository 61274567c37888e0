using CaseLedger.Demo.Synthesis;
using CaseLedger.Tests.Scoring;

namespace CaseLedger.Tests.Demo.Synthesis;

/// <summary>
/// A framework shaped like the Core Case Inspection (three sections, eight criteria, three overlapping headline
/// themes, custody-only, community-only and higher-risk-only questions), with seed 002's published scores and a
/// plausible 62-case sample, for testing synthesis without the shipped data file.
/// </summary>
public static class CciShapedFramework
{
    private static readonly Applicability Custody = new(Settings: ["custody"]);
    private static readonly Applicability Community = new(Settings: ["community"]);
    private static readonly Applicability MediumRiskOrAbove = new(RiskOfHarm: ["medium", "high", "very-high"]);

    public static readonly IReadOnlyList<ScoreTarget> PublishedScores =
    [
        new(ScopeKind.Criterion, "1.1", 74), new(ScopeKind.Criterion, "1.2", 75), new(ScopeKind.Criterion, "1.3", 76),
        new(ScopeKind.Criterion, "2.1", 70), new(ScopeKind.Criterion, "2.2", 78), new(ScopeKind.Criterion, "2.3", 87),
        new(ScopeKind.Criterion, "3.1", 71), new(ScopeKind.Criterion, "3.2", 89),
        new(ScopeKind.Section, "1", 75), new(ScopeKind.Section, "2", 79), new(ScopeKind.Section, "3", 75),
        new(ScopeKind.Theme, "safeguarding", 80), new(ScopeKind.Theme, "risk-of-harm", 68), new(ScopeKind.Theme, "likelihood-of-reoffending", 76),
    ];

    public static Framework Build() => TestFrameworks.Small() with
    {
        Id = "cci-shaped",
        Themes =
        [
            new HeadlineTheme("safeguarding", "Safeguarding"),
            new HeadlineTheme("risk-of-harm", "Risk of Harm to others"),
            new HeadlineTheme("likelihood-of-reoffending", "Likelihood of Reoffending"),
        ],
        Sections =
        [
            new Section("1", "Assessment and sentence planning",
            [
                Criterion("1.1", "Risk of Harm to others", Q("a", "risk-of-harm"), Q("b", "risk-of-harm"), Q("c", "risk-of-harm"),
                    Q("d", MediumRiskOrAbove, "risk-of-harm"), Q("e", MediumRiskOrAbove, "risk-of-harm"), Q("f"), Q("g", "risk-of-harm", "safeguarding"), Q("h")),
                Criterion("1.2", "Likelihood of Reoffending", Q("a", "likelihood-of-reoffending"), Q("b", "likelihood-of-reoffending"), Q("c"),
                    Q("d", Custody, "likelihood-of-reoffending"), Q("e", Community, "likelihood-of-reoffending"), Q("f"), Q("g"), Q("h")),
                Criterion("1.3", "Safeguarding", Q("a", "safeguarding"), Q("b", "safeguarding"), Q("c", "safeguarding"), Q("d"), Q("e"), Q("f", Custody, "safeguarding")),
            ]),
            new Section("2", "Delivery and review of interventions",
            [
                Criterion("2.1", "Protecting the public", Q("a", "risk-of-harm"), Q("b", "risk-of-harm"), Q("c", MediumRiskOrAbove, "risk-of-harm"),
                    Q("d"), Q("e", Community), Q("f", Custody, "risk-of-harm")),
                Criterion("2.2", "Reducing Likelihood of Reoffending", Q("a", "likelihood-of-reoffending"), Q("b", "likelihood-of-reoffending"), Q("c"), Q("d", Community), Q("e")),
                Criterion("2.3", "Safeguarding the child or young person", Q("a", "safeguarding"), Q("b", "safeguarding"), Q("c", Community, "safeguarding"),
                    Q("d", Custody, "safeguarding"), Q("e"), Q("f"), Q("g", "safeguarding")),
            ]),
            new Section("3", "Outcomes",
            [
                Criterion("3.1", "Achievement of outcomes", Q("a", "risk-of-harm"), Q("b", "likelihood-of-reoffending"), Q("c", "safeguarding"), Q("d"), Q("e", "risk-of-harm")),
                Criterion("3.2", "Sustaining outcomes", Q("a", "likelihood-of-reoffending"), Q("b", "safeguarding"), Q("c")),
            ]),
        ],
    };

    /// <summary>62 cases: 50 in the community and 12 in custody, risk levels mostly low and medium.</summary>
    public static IReadOnlyList<SampleCase> Sample()
    {
        string[] communitySentences = ["referral-order", "youth-rehabilitation-order", "youth-rehabilitation-order", "out-of-court-disposal"];
        string[] custodySentences = ["detention-and-training-order", "detention-and-training-order", "other-custodial-sentence"];
        string[] risks = ["low", "low", "medium", "low", "medium", "high", "medium", "low", "medium", "very-high"];
        return [.. Enumerable.Range(1, 62).Select(number =>
        {
            var custody = number % 5 == 0 || number == 62;
            return new SampleCase(
                new Guid($"00000000-0000-0000-0000-{number:D12}"),
                custody ? "custody" : "community",
                custody ? custodySentences[number % custodySentences.Length] : communitySentences[number % communitySentences.Length],
                risks[number % risks.Length]);
        })];
    }

    private static Criterion Criterion(string id, string title, params Func<string, Question>[] questions) =>
        new(id, title, [.. questions.Select(question => question(id))]);

    private static Func<string, Question> Q(string letter, params string[] keyFor) => Q(letter, null, keyFor);

    private static Func<string, Question> Q(string letter, Applicability? appliesTo, params string[] keyFor) =>
        criterion => TestFrameworks.Question($"{criterion}.{letter}", keyFor) with { AppliesTo = appliesTo };
}
