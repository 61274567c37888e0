namespace CaseLedger.Api.Scoring;

/// <summary>Every scope's score for one framework version, in <see cref="ScoringScheme.Scopes"/> order.</summary>
public sealed record Scoreboard(string FrameworkId, int FrameworkVersion, IReadOnlyList<ScopeScore> Scores)
{
    public ScopeScore Get(ScopeKind kind, string id) =>
        Scores.FirstOrDefault(score => score.Kind == kind && score.Id == id)
        ?? throw new ArgumentException($"The scoreboard has no {kind} '{id}'.", nameof(id));
}
