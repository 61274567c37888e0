using CaseLedger.Demo.Synthesis;

namespace CaseLedger.Demo;

/// <summary>
/// Seed 002: the Core Case Inspection of youth offending work in Northamptonshire (East Midlands), published June
/// 2012, 62 cases. Its judgements reproduce every criterion, section and headline score the report publishes, and
/// so every comment.
/// </summary>
public static class DemoNorthamptonshire
{
    private const string Key = "northamptonshire";

    private static readonly IReadOnlyList<TeamMember> Team =
    [
        new($"lead-inspector-{Key}", TeamRoles.LeadInspector),
        new($"inspector-1-{Key}", TeamRoles.Inspector),
        new($"inspector-2-{Key}", TeamRoles.Inspector),
        new($"practice-assessor-{Key}", TeamRoles.Inspector),
        new($"local-assessor-{Key}", TeamRoles.LocalAssessor),
    ];

    /// <summary>
    /// Appendix 4's charts did not survive into the report's text, so the profile follows what the text does say:
    /// 16 cases with a custodial phase ("15 out of the 16 cases in custody"); a full Risk of Serious Harm analysis
    /// required in 57% of the cases screened (about 30 at medium or above); young women and black and minority
    /// ethnic children in the sample (the county's population is 91% white British); some cases current, others
    /// terminated. The report gives the fieldwork months only, "February and March 2012": two weeks either side of
    /// the month end, the sample split between them.
    /// </summary>
    private static readonly SampleCharacteristics Sample = new(
        SentenceTypes: [("referral-order", 20), ("youth-rehabilitation-order", 26), ("detention-and-training-order", 14), ("other-custodial-sentence", 2)],
        RiskOfHarm: [("low", 32), ("medium", 21), ("high", 8), ("very-high", 1)],
        Genders: [("male", 53), ("female", 9)],
        Ethnicities: [("White", 52), ("Black or Black British", 4), ("Mixed", 4), ("Asian or Asian British", 2)],
        Ages: [(12, 2), (13, 5), (14, 10), (15, 14), (16, 17), (17, 14)],
        Terminated: 22,
        CasesPerWeek: [34, 28],
        Seed: 2012);

    /// <summary>The Scoring and Summary Table and sections 1–3 of the report.</summary>
    private static readonly IReadOnlyList<ScoreTarget> Published =
    [
        new(ScopeKind.Criterion, "1.1", 74),
        new(ScopeKind.Criterion, "1.2", 75),
        new(ScopeKind.Criterion, "1.3", 76),
        new(ScopeKind.Criterion, "2.1", 70),
        new(ScopeKind.Criterion, "2.2", 78),
        new(ScopeKind.Criterion, "2.3", 87),
        new(ScopeKind.Criterion, "3.1", 71),
        new(ScopeKind.Criterion, "3.2", 89),
        new(ScopeKind.Section, "1", 75),
        new(ScopeKind.Section, "2", 79),
        new(ScopeKind.Section, "3", 75),
        new(ScopeKind.Theme, "safeguarding", 80),
        new(ScopeKind.Theme, "risk-of-harm", 68),
        new(ScopeKind.Theme, "likelihood-of-reoffending", 76),
    ];

    public static DemoInspection Inspection { get; } = new(
        Key,
        Seed: "002",
        FrameworkId: "cci-2009",
        Yot: new YotReference(Key, "Northamptonshire Youth Offending Service", "East Midlands"),
        Title: "Core Case Inspection of youth offending work in Northamptonshire",
        FieldworkWeeks: [new DateOnly(2012, 2, 27), new DateOnly(2012, 3, 5)],
        Team: Team,
        Cases: Sample.Build([.. Team.Select(member => member.UserId)]),
        Answers: new PublishedScores(Published, Seed: 2012),
        Changes:
        [
            new FindingChanges(ChangeKind.Revision, Week: 1, Count: 6),
            new FindingChanges(ChangeKind.Revision, Week: 2, Count: 24, RecordedIn: 1),
            new FindingChanges(ChangeKind.RevisionOverturned, Week: 2, Count: 2, RecordedIn: 1),
            new FindingChanges(ChangeKind.Moderation, Week: 2, Count: 5),
            new FindingChanges(ChangeKind.Moderation, Week: null, Count: 4),
        ]);
}
