namespace CaseLedger.Api.Scoring;

/// <summary>
/// Scores a whole set of current answers from scratch. It counts per question and then sums each scope's questions,
/// a different route from <see cref="ScoreTally"/>'s, so each can be checked against the other.
/// </summary>
public static class Scorer
{
    /// <exception cref="ArgumentException">
    /// A question is not in the scheme, or one case has two current answers to the same question.
    /// </exception>
    public static Scoreboard Compute(ScoringScheme scheme, IEnumerable<CaseAnswer> answers)
    {
        var countsByQuestion = new ScopeCounts[scheme.Questions.Count];
        var answered = new HashSet<(Guid CaseId, string QuestionId)>();
        foreach (var answer in answers)
        {
            var question = scheme.QuestionOrdinal(answer.QuestionId);
            if (!answered.Add((answer.CaseId, answer.QuestionId)))
                throw new ArgumentException($"Case {answer.CaseId} has more than one current answer to question '{answer.QuestionId}'.", nameof(answers));
            countsByQuestion[question] = Add(countsByQuestion[question], answer.Answer);
        }

        var countsByScope = scheme.Scopes
            .Select(scope => scheme.QuestionOrdinalsOf(scope.Ordinal)
                .Aggregate(default(ScopeCounts), (sum, question) => Sum(sum, countsByQuestion[question])))
            .ToArray();
        return scheme.Scoreboard(countsByScope);
    }

    private static ScopeCounts Add(ScopeCounts counts, Answer answer) => answer switch
    {
        Answer.Sufficient => counts with { Sufficient = counts.Sufficient + 1 },
        Answer.Insufficient => counts with { Insufficient = counts.Insufficient + 1 },
        Answer.NotApplicable => counts with { NotApplicable = counts.NotApplicable + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "Not a known answer."),
    };

    private static ScopeCounts Sum(ScopeCounts a, ScopeCounts b) =>
        new(a.Sufficient + b.Sufficient, a.Insufficient + b.Insufficient, a.NotApplicable + b.NotApplicable);
}
