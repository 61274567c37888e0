namespace CaseLedger.Tests.Scoring;

/// <summary>
/// A tally fed one change at a time must always agree with scoring the current answers from scratch: over a thousand
/// seeded random histories of records, revisions, moderations that undo the change before them, and removals, on a
/// framework whose themes overlap.
/// </summary>
public class IncrementalScoringPropertyTests
{
    private const int Histories = 1000;
    private static readonly Answer[] Answers = [Answer.Sufficient, Answer.Insufficient, Answer.NotApplicable];

    private readonly ScoringScheme scheme = ScoringScheme.From(TestFrameworks.Small());

    [Fact]
    public void Incremental_scores_equal_full_recomputation_after_every_change()
    {
        var random = new Random(20120601);
        for (var history = 0; history < Histories; history++)
        {
            var cases = Enumerable.Range(0, random.Next(1, 7)).Select(_ => RandomGuid(random)).ToArray();
            var current = new Dictionary<(Guid CaseId, string QuestionId), Answer>();
            var tally = new ScoreTally(scheme);
            Change? last = null;
            for (var step = random.Next(1, 120); step > 0; step--)
            {
                var change = last is { } previous && random.Next(6) == 0 ? previous.Undo() : RandomChange(random, cases, current);
                if (change.After is { } answer)
                    current[change.Key] = answer;
                else
                    current.Remove(change.Key);

                var before = tally.Scoreboard();
                var touched = tally.Apply(change.Key.QuestionId, change.Before, change.After);

                var expected = Scorer.Compute(scheme, current.Select(entry => new CaseAnswer(entry.Key.CaseId, entry.Key.QuestionId, entry.Value)));
                var actual = tally.Scoreboard();
                Assert.Equal(expected.Scores, actual.Scores);
                AssertTouchedAreExactlyTheMoved(before, actual, touched);
                last = change;
            }
        }
    }

    /// <summary>A new record where there is no answer yet; otherwise a revision (one in five times a removal).</summary>
    private Change RandomChange(Random random, Guid[] cases, Dictionary<(Guid CaseId, string QuestionId), Answer> current)
    {
        var key = (cases[random.Next(cases.Length)], scheme.Questions[random.Next(scheme.Questions.Count)].QuestionId);
        Answer? before = current.TryGetValue(key, out var held) ? held : null;
        Answer? after = before is not null && random.Next(5) == 0 ? null : Answers[random.Next(Answers.Length)];
        return new Change(key, before, after);
    }

    private void AssertTouchedAreExactlyTheMoved(Scoreboard before, Scoreboard after, IReadOnlyList<Scope> touched)
    {
        var touchedOrdinals = touched.Select(scope => scope.Ordinal).ToHashSet();
        foreach (var scope in scheme.Scopes)
        {
            var moved = before.Scores[scope.Ordinal].Counts != after.Scores[scope.Ordinal].Counts;
            Assert.Equal(moved, touchedOrdinals.Contains(scope.Ordinal));
        }
    }

    private static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private sealed record Change((Guid CaseId, string QuestionId) Key, Answer? Before, Answer? After)
    {
        public Change Undo() => new(Key, After, Before);
    }
}
