using CaseLedger.Demo.Synthesis;

namespace CaseLedger.Demo;

/// <summary>
/// Seed 004: the Full Joint Inspection of youth offending work in Lambeth (London), fieldwork in the weeks
/// commencing 15 and 29 September 2014, published January 2015, 61 cases. The first week examined the cases; the
/// second, the joint week, explored the lines of enquiry they raised. So every case is judged in week 1, findings
/// move in week 2 and in quality assurance, and the case assessment ends at the five published theme scores.
/// Governance and partnerships is rated by the lead, not by case questions, and has no score here.
/// </summary>
public static class DemoLambeth
{
    private const string Key = "lambeth";

    /// <summary>The case-assessment team; the partner inspectorates who joined in week 2 judged no cases.</summary>
    private static readonly IReadOnlyList<TeamMember> Team =
    [
        new($"lead-inspector-{Key}", TeamRoles.LeadInspector),
        new($"deputy-lead-inspector-{Key}", TeamRoles.Inspector),
        new($"inspector-1-{Key}", TeamRoles.Inspector),
        new($"inspector-2-{Key}", TeamRoles.Inspector),
        new($"inspector-3-{Key}", TeamRoles.Inspector),
        new($"inspector-4-{Key}", TeamRoles.Inspector),
        new($"local-assessor-{Key}", TeamRoles.LocalAssessor),
    ];

    /// <summary>
    /// The report's charts did not survive into its text. What the text says: the sample included children with a
    /// high risk of harm to others, young women, and black and minority ethnic children; the caseload's age profile
    /// had risen, with proportionately more 17 year olds (Theme 5, 1.7); custodial plans were examined.
    /// </summary>
    private static readonly SampleCharacteristics Sample = new(
        SentenceTypes: [("referral-order", 17), ("youth-rehabilitation-order", 29), ("detention-and-training-order", 11), ("other-custodial-sentence", 4)],
        RiskOfHarm: [("low", 17), ("medium", 29), ("high", 13), ("very-high", 2)],
        Genders: [("male", 52), ("female", 9)],
        Ethnicities: [("Black or Black British", 34), ("Mixed", 10), ("White", 12), ("Asian or Asian British", 3), ("Other ethnic group", 2)],
        Ages: [(13, 3), (14, 7), (15, 12), (16, 16), (17, 20), (18, 3)],
        Terminated: 23,
        CasesPerWeek: [61, 0],
        Seed: 2014);

    /// <summary>"Within the case assessment, overall N% of work ... was done well enough", theme by theme.</summary>
    private static readonly IReadOnlyList<ScoreTarget> Published =
    [
        new(ScopeKind.Theme, "reducing-reoffending", 58),
        new(ScopeKind.Theme, "protecting-the-public", 56),
        new(ScopeKind.Theme, "protecting-children-and-young-people", 62),
        new(ScopeKind.Theme, "ensuring-the-sentence-is-served", 82),
        new(ScopeKind.Theme, "interventions-to-reduce-reoffending", 63),
    ];

    public static DemoInspection Inspection { get; } = new(
        Key,
        Seed: "004",
        FrameworkId: "fji-2013",
        Yot: new YotReference(Key, "Lambeth Youth Offending Service", "London"),
        Title: "Full Joint Inspection of youth offending work in Lambeth",
        FieldworkWeeks: [new DateOnly(2014, 9, 15), new DateOnly(2014, 9, 29)],
        Team: Team,
        Cases: Sample.Build([.. Team.Select(member => member.UserId)]),
        Answers: new PublishedScores(Published, Seed: 2014),
        Changes:
        [
            new FindingChanges(ChangeKind.Revision, Week: 1, Count: 5),
            new FindingChanges(ChangeKind.Revision, Week: 2, Count: 90, RecordedIn: 1),
            new FindingChanges(ChangeKind.RevisionOverturned, Week: 2, Count: 3, RecordedIn: 1),
            new FindingChanges(ChangeKind.Moderation, Week: 2, Count: 8),
            new FindingChanges(ChangeKind.Moderation, Week: null, Count: 4),
        ]);
}
