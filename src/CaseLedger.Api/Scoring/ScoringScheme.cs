using System.Collections.ObjectModel;
using CaseLedger.Api.Frameworks;

namespace CaseLedger.Api.Scoring;

/// <summary>
/// A framework compiled for scoring: every scored scope in framework order (headline themes, then each section
/// followed by its criteria), which scopes each question's answers count in, and the banding as a lookup table.
/// Immutable, so one instance per framework version can be shared by every tally and every thread.
/// Themes rated by a person (<see cref="HeadlineTheme.JudgedBy"/>) have no key questions and are not scopes here.
/// </summary>
public sealed class ScoringScheme
{
    private readonly Dictionary<string, int> questionOrdinals;
    private readonly int[][] scopeOrdinalsByQuestion;
    private readonly IReadOnlyList<Scope>[] scopesByQuestion;
    private readonly int[][] questionOrdinalsByScope;
    private readonly Dictionary<(ScopeKind Kind, string Id), Scope> scopesById;
    private readonly Band[] bandsByScore;

    internal ScoringScheme(
        Framework framework,
        IReadOnlyList<Scope> scopes,
        IReadOnlyList<QuestionPlacement> questions,
        int[][] scopeOrdinalsByQuestion,
        int[][] questionOrdinalsByScope)
    {
        FrameworkId = framework.Id;
        FrameworkVersion = framework.Version;
        Banding = framework.Banding;
        Scopes = new ReadOnlyCollection<Scope>([.. scopes]);
        Questions = new ReadOnlyCollection<QuestionPlacement>([.. questions]);
        this.scopeOrdinalsByQuestion = scopeOrdinalsByQuestion;
        this.questionOrdinalsByScope = questionOrdinalsByScope;
        questionOrdinals = new Dictionary<string, int>(questions.Count, StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < questions.Count; ordinal++)
            questionOrdinals.Add(questions[ordinal].QuestionId, ordinal);
        scopesByQuestion = scopeOrdinalsByQuestion
            .Select(IReadOnlyList<Scope> (ordinals) => new ReadOnlyCollection<Scope>([.. ordinals.Select(o => scopes[o])]))
            .ToArray();
        scopesById = scopes.ToDictionary(scope => (scope.Kind, scope.Id));
        bandsByScore = BandLookup.Build(framework.Banding);
    }

    public string FrameworkId { get; }

    public int FrameworkVersion { get; }

    public Banding Banding { get; }

    public IReadOnlyList<Scope> Scopes { get; }

    /// <summary>Every question in framework order.</summary>
    public IReadOnlyList<QuestionPlacement> Questions { get; }

    public static ScoringScheme From(Framework framework) => ScoringSchemeBuilder.Build(framework);

    public bool Contains(string questionId) => questionOrdinals.ContainsKey(questionId);

    public QuestionPlacement Placement(string questionId) => Questions[QuestionOrdinal(questionId)];

    /// <summary>The scopes a question's answers count in: its theme scopes, its section, its criterion.</summary>
    public IReadOnlyList<Scope> ScopesOf(string questionId) => scopesByQuestion[QuestionOrdinal(questionId)];

    public Scope GetScope(ScopeKind kind, string id) =>
        scopesById.TryGetValue((kind, id), out var scope)
            ? scope
            : throw new ArgumentException($"Framework {FrameworkId} v{FrameworkVersion} has no {kind} '{id}'.", nameof(id));


    /// <summary>The band for a whole-number score (0–100).</summary>
    public Band BandFor(int score) =>
        score is >= 0 and <= 100
            ? bandsByScore[score]
            : throw new ArgumentOutOfRangeException(nameof(score), score, "A score is a whole number from 0 to 100.");

    /// <summary>A scope's score from its counts: rounding, band and interval all follow from them.</summary>
    public ScopeScore Score(Scope scope, ScopeCounts counts)
    {
        var applicable = counts.Applicable;
        if (applicable == 0)
            return new ScopeScore(scope.Kind, scope.Id, scope.Title, counts.Sufficient, counts.Insufficient, counts.NotApplicable, null, null, null, null);

        var whole = Percentage.RoundHalfUp(counts.Sufficient, applicable);
        return new ScopeScore(
            scope.Kind,
            scope.Id,
            scope.Title,
            counts.Sufficient,
            counts.Insufficient,
            counts.NotApplicable,
            Percentage.Exact(counts.Sufficient, applicable),
            whole,
            BandFor(whole),
            WilsonInterval.For(counts.Sufficient, applicable));
    }

    /// <summary>The scoreboard for counts given per scope, in <see cref="Scopes"/> order.</summary>
    public Scoreboard Scoreboard(IReadOnlyList<ScopeCounts> countsByScope)
    {
        if (countsByScope.Count != Scopes.Count)
            throw new ArgumentException($"Expected counts for {Scopes.Count} scopes, got {countsByScope.Count}.", nameof(countsByScope));
        var scores = new ScopeScore[Scopes.Count];
        for (var ordinal = 0; ordinal < scores.Length; ordinal++)
            scores[ordinal] = Score(Scopes[ordinal], countsByScope[ordinal]);
        return new Scoreboard(FrameworkId, FrameworkVersion, scores);
    }

    internal int QuestionOrdinal(string questionId) =>
        questionOrdinals.TryGetValue(questionId, out var ordinal)
            ? ordinal
            : throw new ArgumentException($"Question '{questionId}' is not in framework {FrameworkId} v{FrameworkVersion}.", nameof(questionId));

    internal int[] ScopeOrdinalsOf(int questionOrdinal) => scopeOrdinalsByQuestion[questionOrdinal];

    internal IReadOnlyList<Scope> ScopesOf(int questionOrdinal) => scopesByQuestion[questionOrdinal];

    internal int[] QuestionOrdinalsOf(int scopeOrdinal) => questionOrdinalsByScope[scopeOrdinal];
}
