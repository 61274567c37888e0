namespace CaseLedger.Demo;

/// <summary>
/// Seed 001: the Short Quality Screening of youth offending work in Stockport (North West), 2–4 March 2015,
/// published 25 March 2015, 14 cases. Stated counts are exact; words are read as rates.
/// </summary>
public static class DemoStockport
{
    private const string Key = "stockport";

    private static readonly IReadOnlyList<TeamMember> Team =
    [
        new($"lead-inspector-{Key}", TeamRoles.LeadInspector),
        new($"inspector-1-{Key}", TeamRoles.Inspector),
    ];

    /// <summary>
    /// 14 cases: some looked after children placed from elsewhere, custodial cases (at least two, ¶3.4), medium and
    /// high risk of serious harm cases (¶2.1, ¶2.4), young women among them.
    /// </summary>
    private static readonly SampleCharacteristics Sample = new(
        SentenceTypes: [("referral-order", 5), ("youth-rehabilitation-order", 6), ("detention-and-training-order", 3)],
        RiskOfHarm: [("low", 5), ("medium", 6), ("high", 3)],
        Genders: [("male", 11), ("female", 3)],
        Ethnicities: [("White", 12), ("Mixed", 1), ("Asian or Asian British", 1)],
        Ages: [(13, 1), (14, 2), (15, 3), (16, 4), (17, 4)],
        Terminated: 4,
        CasesPerWeek: [14],
        Seed: 2015);

    private static readonly IReadOnlyList<QuestionFinding> Findings =
    [
        QuestionFinding.Reading("1.1.a", 0.93),                      // ¶1.1 almost all of good quality
        QuestionFinding.Reading("1.1.b", 0.86),
        QuestionFinding.Reading("1.1.c", 0.75, share: 0.6, cohort: "reports"), // ¶1.3 a few PSRs short on custody
        QuestionFinding.Reading("1.2.a", 0.64),                      // ¶1.5 planning in the community mixed
        QuestionFinding.Reading("1.2.b", 0.64),
        QuestionFinding.Reading("1.2.c", 0.33),                      // ¶1.4 some plans covered only custody
        QuestionFinding.Reading("1.2.d", 0.2),                       // ¶1.6 contracts in very generic terms
        QuestionFinding.Reading("1.3.a", 0.7),
        QuestionFinding.Reading("1.3.b", 0.86),                      // ¶1.7 multi-agency work good
        QuestionFinding.Reading("2.1.a", 0.64),                      // ¶2.1 understanding not in the written assessment
        QuestionFinding.Reading("2.1.b", 0.86),
        QuestionFinding.Reading("2.1.c", 0.64),                      // ¶2.3 victims sometimes needed more attention
        QuestionFinding.Reading("2.2.a", 0.78),                      // ¶2.2 improved substantially
        QuestionFinding.Reading("2.2.b", 0.4, share: 0.4),           // ¶2.2 the custodial phase needed attention
        QuestionFinding.Reading("2.2.c", 1, share: 0.15),
        QuestionFinding.Reading("2.3.a", 0.67),                      // ¶2.2 high risk cases reviewed too rarely
        QuestionFinding.Reading("2.3.b", 0.7, share: 0.5),
        QuestionFinding.Reading("3.1.a", 0.6, share: 0.6, cohort: "reports"),  // ¶1.3 summaries missed vulnerability
        QuestionFinding.Reading("3.1.b", 0.57),                      // ¶3.1 understanding not in the recorded assessment
        QuestionFinding.Reading("3.2.a", 0.55, share: 0.8),          // ¶3.2 too many cases without a plan
        QuestionFinding.Reading("3.2.b", 0.5),                       // ¶3.2 unclear or too generic
        QuestionFinding.Stated("3.2.c", 3, 1),                       // ¶3.4 two custodial cases without the plan
        QuestionFinding.Reading("3.3.a", 0.6),
        QuestionFinding.Reading("3.3.b", 0.57),                      // ¶3.5 reviews too rare for complex cases
        QuestionFinding.Reading("4.1.a", 0.86),                      // ¶4.1 generally good
        QuestionFinding.Reading("4.1.b", 0.79),
        QuestionFinding.Stated("4.1.c", 14, 13),                     // ¶4.2 all except one case
        QuestionFinding.Reading("4.1.d", 0.43),                      // ¶4.3 not involved sufficiently in planning
        QuestionFinding.Stated("4.2.a", 6, 5),                       // ¶4.4 all except one case
        QuestionFinding.Reading("4.2.b", 0.75, share: 0.3),
        QuestionFinding.Reading("5.1.a", 0.5, share: 0.8),           // ¶2.4 no systems to bring cases to managers
        QuestionFinding.Reading("5.1.b", 0.5, share: 0.8),           // ¶3.5 summaries signed off out of date
        QuestionFinding.Reading("5.1.c", 0.55),                      // less quality assurance than expected
        QuestionFinding.Reading("5.1.d", 0.5, share: 0.4),
        QuestionFinding.Reading("5.1.e", 0.5),                       // ¶1.7 information sharing not in the record
    ];

    public static DemoInspection Inspection { get; } = new(
        Key,
        Seed: "001",
        FrameworkId: "sqs-2014",
        Yot: new YotReference(Key, "Stockport Youth Offending Service", "North West"),
        Title: "Short Quality Screening of youth offending work in Stockport",
        FieldworkWeeks: [new DateOnly(2015, 3, 2)],
        Team: Team,
        Cases: Sample.Build([.. Team.Select(member => member.UserId)]),
        Answers: new StatedFindings(Findings, UsualRate: 0.7, Seed: 2015),
        Changes:
        [
            new FindingChanges(ChangeKind.Revision, Week: 1, Count: 3),
            new FindingChanges(ChangeKind.Moderation, Week: 1, Count: 1),
            new FindingChanges(ChangeKind.Moderation, Week: null, Count: 2),
        ]);
}
