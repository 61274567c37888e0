namespace CaseLedger.Tests.Scoring;

/// <summary>Frameworks built in code, so scoring tests do not depend on the shipped data files.</summary>
public static class TestFrameworks
{
    public static readonly Banding CciBanding = new(
        "Inferred for tests from the published data points",
        [
            new Band("drastic", "DRASTIC improvement required", 0, 39),
            new Band("substantial", "SUBSTANTIAL improvement required", 40, 59),
            new Band("moderate", "MODERATE improvement required", 60, 74),
            new Band("minimum", "MINIMUM improvement required", 75, 100),
        ]);

    /// <summary>
    /// Two sections, four criteria, eight questions. Theme "safety" and theme "risk" overlap on question 1.1.b;
    /// "governance" is rated by a person and so has no key questions; 2.1.b applies to custody cases only.
    /// </summary>
    public static Framework Small() => new(
        "small",
        1,
        "Small test framework",
        "Written for the scoring tests",
        [new ReasonCode("not-completed", "Not completed")],
        [
            new HeadlineTheme("safety", "Safety"),
            new HeadlineTheme("risk", "Risk"),
            new HeadlineTheme("governance", "Governance", JudgedBy: "lead-inspector"),
        ],
        [
            new Section("1", "Assessment",
            [
                new Criterion("1.1", "Risk assessment",
                [
                    Question("1.1.a", "risk"),
                    Question("1.1.b", "risk", "safety"),
                    Question("1.1.c"),
                ]),
                new Criterion("1.2", "Vulnerability assessment",
                [
                    Question("1.2.a", "safety"),
                    Question("1.2.b"),
                ]),
            ]),
            new Section("2", "Delivery",
            [
                new Criterion("2.1", "Interventions",
                [
                    Question("2.1.a", "risk"),
                    Question("2.1.b", "safety") with { AppliesTo = new Applicability(Settings: ["custody"]) },
                ]),
                new Criterion("2.2", "Outcomes", [Question("2.2.a")]),
            ]),
        ],
        CciBanding);

    public static Question Question(string id, params string[] keyFor) =>
        new(id, $"Question {id}", keyFor, ["not-completed"]);
}
