using CaseLedger.Api.Frameworks;

namespace CaseLedger.Api.Inspections.Judging;

public static class QuestionApplicability
{
    /// <summary>Whether the framework asks this question of this case. A case whose risk level is not recorded
    /// cannot meet a question limited by risk level.</summary>
    public static bool AppliesTo(this Question question, SampledCase @case) => question.AppliesTo is not { } limits || (
        (limits.Settings is null || limits.Settings.Contains(@case.Setting))
        && (limits.SentenceTypes is null || limits.SentenceTypes.Contains(@case.SentenceType))
        && (limits.RiskOfHarm is null || (@case.RiskOfHarm is { } risk && limits.RiskOfHarm.Contains(risk))));
}
