namespace CaseLedger.Tests.Scoring;

/// <summary>
/// Ratings follow from the tally, so they must be as incremental as the scores are. Over seeded random histories on
/// the shipped youth justice framework, the ratings from a tally fed one change at a time must equal, after every
/// change, the ratings from scoring the current answers from scratch. That covers every key question, standard,
/// and the overall points, with an evidence rating and an override in play.
/// </summary>
public class IncrementalRatingPropertyTests
{
    private const int Histories = 300;
    private static readonly Answer[] Answers = [Answer.Sufficient, Answer.Sufficient, Answer.Insufficient, Answer.NotApplicable];

    private readonly Framework framework = FrameworkLoader.LoadDefault().Latest("hmip-youth-2021")!;

    [Fact]
    public void Incremental_ratings_equal_full_recomputation_after_every_change()
    {
        var scheme = ScoringScheme.From(framework);
        var keyQuestions = framework.Ratings!.Standards.SelectMany(standard => standard.KeyQuestions ?? []).ToArray();
        var evidence = framework.Ratings.Standards.Where(standard => standard.IsFromEvidence)
            .ToDictionary(standard => standard.Id, _ => new RecordedRating("good", "seen in the evidence", "lead", DateTimeOffset.UnixEpoch, 1));
        var overrides = new Dictionary<string, RecordedRating> { ["2.3"] = new("requires-improvement", "a departure", "lead", DateTimeOffset.UnixEpoch, 2) };
        var random = new Random(20211201);
        for (var history = 0; history < Histories; history++)
        {
            var cases = Enumerable.Range(0, random.Next(1, 9)).Select(_ => Guid.NewGuid()).ToArray();
            var current = new Dictionary<(Guid, string), Answer>();
            var tally = new ScoreTally(scheme);
            for (var step = random.Next(1, 150); step > 0; step--)
            {
                var key = (cases[random.Next(cases.Length)], keyQuestions[random.Next(keyQuestions.Length)]);
                Answer? before = current.TryGetValue(key, out var held) ? held : null;
                var after = Answers[random.Next(Answers.Length)];
                current[key] = after;
                tally.Apply(key.Item2, before, after);

                var expected = Scorer.Compute(scheme, current.Select(entry => new CaseAnswer(entry.Key.Item1, entry.Key.Item2, entry.Value)));
                Assert.Equal(Json(Rater.Rate(framework, expected, evidence, overrides)), Json(Rater.Rate(framework, tally.Scoreboard(), evidence, overrides)));
            }
        }
    }

    private static string Json(RatingBoard? board) => JsonSerializer.Serialize(board);
}
