namespace CaseLedger.Api.Pages.Inspections;

/// <summary>Each framework in its own terms: a Short Quality Screening letter states counted statements
/// ("sufficient in 17 of the 18 relevant cases"), never percentages; the other programmes publish scores.</summary>
public static class ReportTerms
{
    public static bool Counts(string frameworkId) => frameworkId.StartsWith("sqs-", StringComparison.Ordinal);
}
