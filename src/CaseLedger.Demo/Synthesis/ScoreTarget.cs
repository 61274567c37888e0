namespace CaseLedger.Demo.Synthesis;

/// <summary>A published whole-number score that synthesised judgements must reproduce exactly.</summary>
public sealed record ScoreTarget(ScopeKind Kind, string Id, int Score);
