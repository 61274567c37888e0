namespace CaseLedger.Demo.Synthesis;

/// <summary>
/// What synthesis needs to know of a sampled case: the attributes a question's applicability can depend on,
/// in the framework vocabulary ("community", "detention-and-training-order", "high").
/// </summary>
public sealed record SampleCase(Guid Id, string Setting, string SentenceType, string? RiskOfHarm);
