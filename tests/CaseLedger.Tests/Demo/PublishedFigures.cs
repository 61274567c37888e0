namespace CaseLedger.Tests.Demo;

/// <summary>
/// The figures the seed reports publish, copied from the reports themselves rather than from the demo's
/// definitions, so that a slip in either shows.
/// </summary>
public static class PublishedFigures
{
    private const string Minimum = "MINIMUM improvement required";
    private const string Moderate = "MODERATE improvement required";

    /// <summary>Seed 002: the Scoring and Summary Table and sections 1–3, with their comments.</summary>
    public static readonly IReadOnlyList<Figure> Northamptonshire =
    [
        new(ScopeKind.Criterion, "1.1", 74, Moderate),
        new(ScopeKind.Criterion, "1.2", 75, Minimum),
        new(ScopeKind.Criterion, "1.3", 76, Minimum),
        new(ScopeKind.Criterion, "2.1", 70, Moderate),
        new(ScopeKind.Criterion, "2.2", 78, Minimum),
        new(ScopeKind.Criterion, "2.3", 87, Minimum),
        new(ScopeKind.Criterion, "3.1", 71, Moderate),
        new(ScopeKind.Criterion, "3.2", 89, Minimum),
        new(ScopeKind.Section, "1", 75, null),
        new(ScopeKind.Section, "2", 79, null),
        new(ScopeKind.Section, "3", 75, null),
        new(ScopeKind.Theme, "safeguarding", 80, Minimum),
        new(ScopeKind.Theme, "risk-of-harm", 68, Moderate),
        new(ScopeKind.Theme, "likelihood-of-reoffending", 76, Minimum),
    ];

    /// <summary>Seed 004: "within the case assessment, overall N% of work ... was done well enough".</summary>
    public static readonly IReadOnlyList<Figure> Lambeth =
    [
        new(ScopeKind.Theme, "reducing-reoffending", 58, null),
        new(ScopeKind.Theme, "protecting-the-public", 56, null),
        new(ScopeKind.Theme, "protecting-children-and-young-people", 62, null),
        new(ScopeKind.Theme, "ensuring-the-sentence-is-served", 82, null),
        new(ScopeKind.Theme, "interventions-to-reduce-reoffending", 63, null),
    ];

    /// <summary>Seed 003's counted statements, against the sqs-2014 questions that quote them.</summary>
    public static readonly IReadOnlyList<StatedCount> Southend =
    [
        new("1.1.c", 10, 9, "¶1.2 reports were provided in ten of the cases; all but one sufficient"),
        new("2.2.a", 18, 17, "¶2.2 sufficient in 17 of the 18 relevant cases"),
        new("3.1.a", 10, 10, "¶3.1 all pre-sentence reports contained sufficient information"),
        new("3.1.b", 20, 18, "¶3.2 in 18 of the 20 cases sampled"),
        new("3.2.c", 5, 2, "¶3.5 of the five sentenced to custody, only two had a good enough plan"),
        new("4.1.a", 20, 20, "¶4.1 assessed in all cases"),
    ];

    /// <summary>Seed 000's counted statements.</summary>
    public static readonly IReadOnlyList<StatedCount> Norfolk =
    [
        new("2.2.c", 5, 4, "¶2.3 five cases eligible for MAPPA; in one the need for referral was not recognised"),
        new("4.2.a", 13, 12, "¶4.5 13 cases of non-compliance; the response sufficient in all except one"),
    ];

    /// <summary>Seed 001's counted statements.</summary>
    public static readonly IReadOnlyList<StatedCount> Stockport =
    [
        new("4.1.c", 14, 13, "¶4.2 sufficient engagement in the assessment in all except one case"),
    ];

    public sealed record Figure(ScopeKind Kind, string Id, int Score, string? Comment);

    public sealed record StatedCount(string QuestionId, int Applicable, int Sufficient, string Source);
}
