namespace CaseLedger.Api.Scores;

/// <summary>A point resolved against one inspection's ledger: the stream version it means, and when that was.</summary>
public sealed record ResolvedPoint(string Point, long Version, DateTimeOffset? At);
