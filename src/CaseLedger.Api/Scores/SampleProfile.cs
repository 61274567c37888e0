using CaseLedger.Api.Inspections;

namespace CaseLedger.Api.Scores;

/// <summary>The sample's make-up, as an inspection report's appendix gives it: counts, never a case.</summary>
public sealed class SampleProfile
{
    public int Cases { get; set; }
    public SortedDictionary<string, int> SentenceType { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> Setting { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> RiskOfHarm { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> Gender { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> Ethnicity { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> AgeBand { get; set; } = new(StringComparer.Ordinal);

    public void Count(SampledCase @case, int by)
    {
        Cases += by;
        Bump(SentenceType, @case.SentenceType, by);
        Bump(Setting, @case.Setting, by);
        Bump(RiskOfHarm, @case.RiskOfHarm ?? "not-recorded", by);
        Bump(Gender, @case.Gender ?? "not-recorded", by);
        Bump(Ethnicity, string.IsNullOrWhiteSpace(@case.Ethnicity) ? "not-recorded" : @case.Ethnicity, by);
        Bump(AgeBand, AgeBandOf(@case.AgeAtStart), by);
    }

    // The bands youth justice reports use: under 15, 15 to 17, 18 and over.
    private static string AgeBandOf(int? age) => age switch
    {
        null => "not-recorded",
        < 15 => "10-14",
        <= 17 => "15-17",
        _ => "18+",
    };

    private static void Bump(SortedDictionary<string, int> counts, string key, int by)
    {
        var total = counts.GetValueOrDefault(key) + by;
        if (total == 0) counts.Remove(key);
        else counts[key] = total;
    }
}
