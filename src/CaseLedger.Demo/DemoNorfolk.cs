namespace CaseLedger.Demo;

/// <summary>
/// Seed 000: the Short Quality Screening of youth offending work in Norfolk (East of England), 23–25 May 2016,
/// published 22 June 2016, 32 cases. Stated counts are exact; words are read as rates ("most" about four in five).
/// </summary>
public static class DemoNorfolk
{
    private const string Key = "norfolk";

    private static readonly IReadOnlyList<TeamMember> Team =
    [
        new($"lead-inspector-{Key}", TeamRoles.LeadInspector),
        new($"inspector-1-{Key}", TeamRoles.Inspector),
        new($"inspector-2-{Key}", TeamRoles.Inspector),
    ];

    /// <summary>
    /// The letter gives no profile beyond 32 cases, some in custody; a county sample with few black and minority
    /// ethnic children, mostly boys, about half at medium risk of serious harm or above.
    /// </summary>
    private static readonly SampleCharacteristics Sample = new(
        SentenceTypes: [("referral-order", 10), ("youth-rehabilitation-order", 16), ("detention-and-training-order", 5), ("other-custodial-sentence", 1)],
        RiskOfHarm: [("low", 13), ("medium", 14), ("high", 4), ("very-high", 1)],
        Genders: [("male", 27), ("female", 5)],
        Ethnicities: [("White", 28), ("Mixed", 2), ("Black or Black British", 1), ("Asian or Asian British", 1)],
        Ages: [(12, 1), (13, 2), (14, 5), (15, 8), (16, 9), (17, 7)],
        Terminated: 10,
        CasesPerWeek: [32],
        Seed: 2016);

    private static readonly IReadOnlyList<QuestionFinding> Findings =
    [
        QuestionFinding.Reading("1.1.a", 0.81),                      // ¶1.1 sufficient efforts in most cases
        QuestionFinding.Reading("1.1.b", 0.87),                      // ¶1.1 a few without a timely initial assessment
        QuestionFinding.Stated("1.1.c", 20, 19, cohort: "reports"),  // ¶1.2 PSRs, with one exception, of good quality
        QuestionFinding.Reading("1.2.a", 0.72),                      // ¶1.4 a few community cases with no recorded plan
        QuestionFinding.Reading("1.2.b", 0.6),                       // ¶1.4 sequencing needed more attention
        QuestionFinding.Reading("1.2.c", 0.83),                      // ¶1.4 planning with the secure estate usually good
        QuestionFinding.Reading("1.3.a", 0.55),                      // ¶1.3 reviews needed greater attention
        QuestionFinding.Reading("1.3.b", 0.8),                       // key strength: creative delivery of interventions
        QuestionFinding.Stated("2.1.a", 32, 24),                     // ¶2.1 three-quarters met the needs of the case
        QuestionFinding.Reading("2.1.b", 0.85),                      // ¶2.1 classification sometimes too low
        QuestionFinding.Reading("2.1.c", 0.7),                       // ¶2.1 victims not always taken into account
        QuestionFinding.Reading("2.2.a", 0.63),                      // ¶2.2 plans not completed as often as required
        QuestionFinding.Reading("2.2.b", 0.5, share: 0.35),          // ¶2.2 custody and community not set apart
        QuestionFinding.Stated("2.2.c", 5, 4),                       // ¶2.3 five MAPPA-eligible cases, one not recognised
        QuestionFinding.Reading("2.3.a", 0.6),                       // ¶2.1 reviews not always undertaken
        QuestionFinding.Reading("2.3.b", 0.75, share: 0.5),          // ¶2.2 known victims in a few cases
        QuestionFinding.Stated("3.1.a", 14, 13, cohort: "reports"),  // ¶3.1 all except one PSR
        QuestionFinding.Stated("3.1.b", 32, 25),                     // ¶3.2 over three-quarters good enough
        QuestionFinding.Reading("3.2.a", 0.7, share: 0.7),           // ¶3.2 plans: the same issues as risk of harm
        QuestionFinding.Reading("3.2.b", 0.65),
        QuestionFinding.Stated("3.2.c", 6, 5),                       // ¶3.3 all except one relevant custody case
        QuestionFinding.Reading("3.3.a", 0.6),                       // ¶3.2 reviews not always undertaken
        QuestionFinding.Reading("3.3.b", 0.65),
        QuestionFinding.Reading("4.1.a", 0.94),                      // ¶4.1 particularly strong
        QuestionFinding.Reading("4.1.b", 0.84),                      // ¶4.1 a few cases with insufficient attention
        QuestionFinding.Reading("4.1.c", 0.9),                       // ¶4.3 engagement in assessment good
        QuestionFinding.Reading("4.1.d", 0.78),                      // ¶4.4 most cases
        QuestionFinding.Stated("4.2.a", 13, 12),                     // ¶4.5 13 non-compliant, all except one
        QuestionFinding.Reading("4.2.b", 0.82, share: 0.35),         // ¶4.5 appropriate in most cases
        QuestionFinding.Reading("5.1.a", 0.6, share: 0.8),           // ¶2.4 countersigning rather than quality
        QuestionFinding.Reading("5.1.b", 0.6, share: 0.8),           // ¶3.4 the same improvements
        QuestionFinding.Reading("5.1.c", 0.6),
        QuestionFinding.Reading("5.1.d", 0.55, share: 0.4),          // ¶2.4 instructions given, improvements not made
        QuestionFinding.Reading("5.1.e", 0.5),                       // more discussions than the records showed
    ];

    public static DemoInspection Inspection { get; } = new(
        Key,
        Seed: "000",
        FrameworkId: "sqs-2014",
        Yot: new YotReference(Key, "Norfolk Youth Offending Team", "East of England"),
        Title: "Short Quality Screening of youth offending work in Norfolk",
        FieldworkWeeks: [new DateOnly(2016, 5, 23)],
        Team: Team,
        Cases: Sample.Build([.. Team.Select(member => member.UserId)]),
        Answers: new StatedFindings(Findings, UsualRate: 0.75, Seed: 2016),
        Changes:
        [
            new FindingChanges(ChangeKind.Revision, Week: 1, Count: 5),
            new FindingChanges(ChangeKind.Moderation, Week: 1, Count: 2),
            new FindingChanges(ChangeKind.Moderation, Week: null, Count: 2),
        ]);
}
