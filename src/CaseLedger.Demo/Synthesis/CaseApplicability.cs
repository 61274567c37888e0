namespace CaseLedger.Demo.Synthesis;

internal static class CaseApplicability
{
    /// <summary>Whether a question can be answered for a case; a case with no recorded risk level fails a risk limit.</summary>
    public static bool Covers(this Applicability? rule, SampleCase sampleCase) =>
        rule is null
        || ((rule.Settings is null || rule.Settings.Contains(sampleCase.Setting))
            && (rule.SentenceTypes is null || rule.SentenceTypes.Contains(sampleCase.SentenceType))
            && (rule.RiskOfHarm is null || (sampleCase.RiskOfHarm is { } risk && rule.RiskOfHarm.Contains(risk))));
}
