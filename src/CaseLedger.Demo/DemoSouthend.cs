namespace CaseLedger.Demo;

/// <summary>
/// Seed 003: the Short Quality Screening of youth offending work in Southend (East of England), 16–18 May 2016,
/// published 15 June 2016, 20 cases. This letter states the most counts of the three; each is exact here.
/// </summary>
public static class DemoSouthend
{
    private const string Key = "southend";

    private static readonly IReadOnlyList<TeamMember> Team =
    [
        new($"lead-inspector-{Key}", TeamRoles.LeadInspector),
        new($"inspector-1-{Key}", TeamRoles.Inspector),
        new($"inspector-2-{Key}", TeamRoles.Inspector),
    ];

    /// <summary>
    /// Five children sentenced to custody (¶3.5); 18 cases needing a plan to manage risk of harm (¶2.2), which the
    /// framework asks of cases at medium risk of serious harm or above, so 18 of the 20 are.
    /// </summary>
    private static readonly SampleCharacteristics Sample = new(
        SentenceTypes: [("referral-order", 5), ("youth-rehabilitation-order", 10), ("detention-and-training-order", 4), ("other-custodial-sentence", 1)],
        RiskOfHarm: [("low", 2), ("medium", 12), ("high", 5), ("very-high", 1)],
        Genders: [("male", 17), ("female", 3)],
        Ethnicities: [("White", 16), ("Black or Black British", 2), ("Mixed", 2)],
        Ages: [(13, 1), (14, 2), (15, 4), (16, 6), (17, 7)],
        Terminated: 6,
        CasesPerWeek: [20],
        Seed: 2016);

    private static readonly IReadOnlyList<QuestionFinding> Findings =
    [
        QuestionFinding.Stated("1.1.a", 20, 17),                     // ¶1.1 three failed to identify offending factors
        QuestionFinding.Reading("1.1.b", 0.9),
        QuestionFinding.Stated("1.1.c", 10, 9, cohort: "reports"),   // ¶1.2 reports in ten cases, all but one sufficient
        QuestionFinding.Reading("1.2.a", 0.8),                       // ¶1.3 planning good in most cases
        QuestionFinding.Reading("1.2.b", 0.75),
        QuestionFinding.Reading("1.2.c", 0.6),
        QuestionFinding.Reading("1.2.d", 0.8),
        QuestionFinding.Stated("1.3.a", 20, 19),                     // ¶1.4 reviews sufficient in almost all
        QuestionFinding.Reading("1.3.b", 0.85),                      // ¶1.4 work carried out in most cases
        QuestionFinding.Stated("2.1.a", 20, 19),                     // ¶2.1 nearly all cases
        QuestionFinding.Reading("2.1.b", 0.95),
        QuestionFinding.Reading("2.1.c", 0.9),
        QuestionFinding.Stated("2.2.a", 18, 17),                     // ¶2.2 sufficient in 17 of the 18 relevant cases
        QuestionFinding.Reading("2.2.b", 0.7, share: 0.35),
        QuestionFinding.Reading("2.2.c", 1, share: 0.15),            // ¶2.4 contributed effectively to MAPPA
        QuestionFinding.Stated("2.3.a", 18, 13),                     // ¶2.3 nearly three-quarters of relevant cases
        QuestionFinding.Stated("2.3.b", 9, 8),                       // ¶2.4 managed effectively in all but one case
        QuestionFinding.Stated("3.1.a", 10, 10, cohort: "reports"),  // ¶3.1 all pre-sentence reports sufficient
        QuestionFinding.Stated("3.1.b", 20, 18),                     // ¶3.2 in 18 of the 20 cases sampled
        QuestionFinding.Reading("3.2.a", 0.85, share: 0.85),
        QuestionFinding.Reading("3.2.b", 0.8),                       // ¶3.3 good standard in most applicable cases
        QuestionFinding.Stated("3.2.c", 5, 2),                       // ¶3.5 of the five in custody, only two
        QuestionFinding.Stated("3.3.a", 20, 13),                     // ¶3.4 almost two-thirds of cases
        QuestionFinding.Reading("3.3.b", 0.7),
        QuestionFinding.Stated("4.1.a", 20, 20),                     // ¶4.1 assessed in all cases
        QuestionFinding.Stated("4.1.b", 20, 17),                     // ¶4.1 well over three-quarters
        QuestionFinding.Reading("4.1.c", 0.85),                      // ¶4.2 effective engagement in most
        QuestionFinding.Reading("4.1.d", 0.8),
        QuestionFinding.Stated("4.2.a", 8, 8),                       // ¶4.3 appropriate in all cases
        QuestionFinding.Reading("4.2.b", 0.85, share: 0.3),
        QuestionFinding.Reading("5.1.a", 0.8, share: 0.8),           // largely effective where expected
        QuestionFinding.Reading("5.1.b", 0.8, share: 0.8),
        QuestionFinding.Reading("5.1.c", 0.75),
        QuestionFinding.Reading("5.1.d", 0.6, share: 0.45),          // completion not monitored
        QuestionFinding.Reading("5.1.e", 0.9),                       // clear recording by managers
    ];

    public static DemoInspection Inspection { get; } = new(
        Key,
        Seed: "003",
        FrameworkId: "sqs-2014",
        Yot: new YotReference(Key, "Southend Youth Offending Service", "East of England"),
        Title: "Short Quality Screening of youth offending work in Southend",
        FieldworkWeeks: [new DateOnly(2016, 5, 16)],
        Team: Team,
        Cases: Sample.Build([.. Team.Select(member => member.UserId)]),
        Answers: new StatedFindings(Findings, UsualRate: 0.8, Seed: 2017),
        Changes:
        [
            new FindingChanges(ChangeKind.Revision, Week: 1, Count: 4),
            new FindingChanges(ChangeKind.Moderation, Week: 1, Count: 2),
            new FindingChanges(ChangeKind.Moderation, Week: null, Count: 2),
        ]);
}
