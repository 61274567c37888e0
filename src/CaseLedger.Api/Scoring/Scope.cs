namespace CaseLedger.Api.Scoring;

/// <summary>
/// One scored scope of a framework. <see cref="Ordinal"/> is its position in <see cref="ScoringScheme.Scopes"/>,
/// so tallies can keep their counts in arrays rather than dictionaries.
/// </summary>
public sealed record Scope(ScopeKind Kind, string Id, string Title, int Ordinal);
