namespace CaseLedger.Api.Frameworks;

/// <summary>
/// The words a framework may use for case attributes and judging roles. They are the values a case is recorded
/// with when it joins the sample, so a question can only be limited by something a case can actually say.
/// </summary>
public static class FrameworkVocabulary
{
    public static readonly IReadOnlyList<string> Settings = ["community", "custody"];

    public static readonly IReadOnlyList<string> SentenceTypes =
    [
        "referral-order",
        "youth-rehabilitation-order",
        "detention-and-training-order",
        "other-custodial-sentence",
        "out-of-court-disposal",
    ];

    public static readonly IReadOnlyList<string> RiskOfHarm = ["low", "medium", "high", "very-high"];

    /// <summary>Roles that may rate a headline theme directly instead of it being scored from key questions.</summary>
    public static readonly IReadOnlyList<string> JudgingRoles = ["lead-inspector", "inspector"];
}
