namespace CaseLedger.Bench.Dataset;

/// <summary>
/// Case samples shaped like the seed reports' sample profiles: mostly community sentences, about one case in six
/// in custody, most cases low or medium risk of serious harm, mostly boys aged 14 to 17.
/// </summary>
public static class CaseProfiles
{
    private static readonly IReadOnlyList<(string Value, double Weight)> SentenceTypes =
    [
        ("referral-order", 25), ("youth-rehabilitation-order", 38), ("detention-and-training-order", 11),
        ("other-custodial-sentence", 4), ("out-of-court-disposal", 22),
    ];

    private static readonly IReadOnlyList<(string Value, double Weight)> RiskLevels =
        [("low", 38), ("medium", 40), ("high", 18), ("very-high", 4)];

    private static readonly IReadOnlyList<(string Value, double Weight)> Genders =
        [("male", 81), ("female", 18), ("not-stated", 1)];

    private static readonly IReadOnlyList<(string Value, double Weight)> Ethnicities =
    [
        ("White British", 72), ("Black or Black British", 9), ("Asian or Asian British", 7), ("Mixed", 7),
        ("Other ethnic group", 2), ("Not stated", 3),
    ];

    public static SampledCase Draw(Random random, int number)
    {
        var sentence = random.Weighted(SentenceTypes);
        var custody = sentence is "detention-and-training-order" or "other-custodial-sentence";
        return new SampledCase(
            random.NextGuid(),
            $"C{number:000}",
            sentence,
            custody ? "custody" : "community",
            random.Weighted([(14, 2.0), (15, 3.0), (16, 4.0), (17, 4.0), (13, 1.0), (12, 0.5), (18, 0.5)]),
            random.Weighted(Genders),
            random.Weighted(Ethnicities),
            random.Weighted(RiskLevels),
            random.Chance(0.6) ? "current" : "terminated");
    }

    /// <summary>A case every question of a community framework applies to (as many applicable questions as
    /// possible), for inspections that must reach a given number of judgements with few cases.</summary>
    public static SampledCase Broad(Random random, int number) => new(
        random.NextGuid(), $"C{number:000}", "youth-rehabilitation-order", "community", 15, "male", "White British", "high", "current");
}
