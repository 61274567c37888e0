namespace CaseLedger.Api.Scoring;

/// <summary>A tally's counts frozen at one moment: it can be read, or resumed as a new tally, but never changed.</summary>
public sealed class TallySnapshot
{
    private readonly ScoreTally frozen;

    internal TallySnapshot(ScoreTally frozen) => this.frozen = frozen;

    public ScoringScheme Scheme => frozen.Scheme;

    public ScopeCounts CountsOf(Scope scope) => frozen.CountsOf(scope);

    public ScopeScore ScoreOf(Scope scope) => frozen.ScoreOf(scope);

    public ScopeScore ScoreOf(ScopeKind kind, string id) => frozen.ScoreOf(kind, id);

    public Scoreboard Scoreboard() => frozen.Scoreboard();

    /// <summary>A new tally that starts from these counts.</summary>
    public ScoreTally Resume() => frozen.Copy();
}
