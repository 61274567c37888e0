namespace CaseLedger.Api.Scoring;

/// <summary>
/// Running answer counts for every scope of one scheme, kept up to date one change at a time. A change touches only
/// the few scopes its question counts in and allocates nothing, so a tally can follow an inspection's ledger event
/// by event. Counts live in one flat array (three per scope, indexed by <see cref="Answer"/>), which makes a copy a
/// single array clone.
/// </summary>
public sealed class ScoreTally
{
    private const int AnswerKinds = 3;
    private readonly int[] counts;

    public ScoreTally(ScoringScheme scheme)
        : this(scheme, new int[scheme.Scopes.Count * AnswerKinds])
    {
    }

    private ScoreTally(ScoringScheme scheme, int[] counts)
    {
        Scheme = scheme;
        this.counts = counts;
    }

    public ScoringScheme Scheme { get; }

    /// <summary>A tally resumed from counts kept elsewhere (a view document, a checkpoint).</summary>
    public static ScoreTally FromCounts(ScoringScheme scheme, IReadOnlyList<int> counts) =>
        new(scheme, [.. CountsOf(scheme, counts)]);

    /// <summary>
    /// A tally that moves <paramref name="counts"/> themselves, in place: for a projection folding a view document's
    /// counts event by event. Copied in and out instead, the three per-inspection views copied every scope's counts
    /// eight times for each judgement event, to move a handful of them.
    /// </summary>
    public static ScoreTally Over(ScoringScheme scheme, int[] counts) => new(scheme, CountsOf(scheme, counts));

    private static T CountsOf<T>(ScoringScheme scheme, T counts) where T : IReadOnlyList<int> =>
        counts.Count == scheme.Scopes.Count * AnswerKinds
            ? counts
            : throw new ArgumentException($"Expected {scheme.Scopes.Count * AnswerKinds} counts for framework {scheme.FrameworkId} v{scheme.FrameworkVersion}, got {counts.Count}.", nameof(counts));

    /// <summary>The counts as a flat array (three per scope, in scope order), to keep in a document.</summary>
    public int[] ToCounts() => (int[])counts.Clone();

    /// <summary>
    /// Moves one case's answer to a question from <paramref name="before"/> to <paramref name="after"/>: null before
    /// means newly recorded, null after means removed. Returns the scopes whose counts changed (none when the answer
    /// did not): the question's themes, its section, its criterion.
    /// </summary>
    /// <exception cref="ArgumentException">The question is not in the scheme.</exception>
    /// <exception cref="InvalidOperationException">The tally holds no <paramref name="before"/> answer to take away.</exception>
    public IReadOnlyList<Scope> Apply(string questionId, Answer? before, Answer? after)
    {
        var question = Scheme.QuestionOrdinal(questionId);
        CheckDefined(before, nameof(before));
        CheckDefined(after, nameof(after));
        if (before == after)
            return [];

        var scopeOrdinals = Scheme.ScopeOrdinalsOf(question);
        if (before is { } removed)
        {
            // Check every scope first so that a bad call leaves the tally as it was.
            foreach (var scope in scopeOrdinals)
            {
                if (counts[scope * AnswerKinds + (int)removed] == 0)
                    throw new InvalidOperationException($"No {removed} answer to question '{questionId}' is counted, so none can change.");
            }

            foreach (var scope in scopeOrdinals)
                counts[scope * AnswerKinds + (int)removed]--;
        }

        if (after is { } added)
        {
            foreach (var scope in scopeOrdinals)
                counts[scope * AnswerKinds + (int)added]++;
        }

        return Scheme.ScopesOf(question);
    }

    public ScopeCounts CountsOf(Scope scope)
    {
        var offset = OrdinalOf(scope) * AnswerKinds;
        return new ScopeCounts(
            counts[offset + (int)Answer.Sufficient],
            counts[offset + (int)Answer.Insufficient],
            counts[offset + (int)Answer.NotApplicable]);
    }

    public ScopeScore ScoreOf(Scope scope) => Scheme.Score(scope, CountsOf(scope));

    public ScopeScore ScoreOf(ScopeKind kind, string id) => ScoreOf(Scheme.GetScope(kind, id));

    public Scoreboard Scoreboard() => Scheme.Scoreboard([.. Scheme.Scopes.Select(CountsOf)]);

    /// <summary>An independent tally with the same counts, to carry on from here without disturbing this one.</summary>
    public ScoreTally Copy() => new(Scheme, (int[])counts.Clone());

    /// <summary>A read-only copy of the counts as they stand, for keeping scores at points in history.</summary>
    public TallySnapshot Snapshot() => new(Copy());

    private int OrdinalOf(Scope scope)
    {
        var ordinal = scope.Ordinal;
        if ((uint)ordinal >= (uint)Scheme.Scopes.Count || !Equals(Scheme.Scopes[ordinal], scope))
            throw new ArgumentException($"{scope.Kind} '{scope.Id}' is not a scope of framework {Scheme.FrameworkId} v{Scheme.FrameworkVersion}.", nameof(scope));
        return ordinal;
    }

    private static void CheckDefined(Answer? answer, string parameterName)
    {
        if (answer is { } value && (uint)value > (uint)Answer.NotApplicable)
            throw new ArgumentOutOfRangeException(parameterName, value, "Not a known answer.");
    }
}
