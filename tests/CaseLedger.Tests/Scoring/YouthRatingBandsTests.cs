namespace CaseLedger.Tests.Scoring;

/// <summary>
/// The shipped youth justice framework's overall bands at each edge (0–6, 7–18, 19–30, 31–36), on twelve counted
/// standards. Resettlement, rated Outstanding throughout, must add nothing.
/// </summary>
public class YouthRatingBandsTests
{
    private static readonly Framework Youth = FrameworkLoader.LoadDefault().Latest("hmip-youth-2021")!;

    [Theory]
    [InlineData(0, "inadequate")]
    [InlineData(6, "inadequate")]
    [InlineData(7, "requires-improvement")]
    [InlineData(18, "requires-improvement")]
    [InlineData(19, "good")]
    [InlineData(30, "good")]
    [InlineData(31, "outstanding")]
    [InlineData(36, "outstanding")]
    public void The_overall_rating_is_the_band_of_twelve_standards_points(int points, string overall)
    {
        var scheme = ScoringScheme.From(Youth);
        var tally = new ScoreTally(scheme);
        var rules = Youth.Ratings!;
        // Every key question half sufficient: each case-sample standard derives Requires improvement, then is set by override.
        foreach (var key in rules.Standards.SelectMany(standard => standard.KeyQuestions ?? []))
        {
            tally.Apply(key, null, Answer.Sufficient);
            tally.Apply(key, null, Answer.Insufficient);
        }
        var counted = rules.Standards.Where(standard => standard.CountsTowardOverall).ToList();
        var ratings = Spread(points, counted.Count);
        var evidence = new Dictionary<string, RecordedRating> { ["4.1"] = Recorded("outstanding") };
        var overrides = new Dictionary<string, RecordedRating>();
        for (var i = 0; i < counted.Count; i++)
            (counted[i].IsFromEvidence ? evidence : overrides)[counted[i].Id] = Recorded(ratings[i]);

        var board = Rater.Rate(Youth, tally.Scoreboard(), evidence, overrides)!;
        Assert.Equal((points, 36, overall), (board.Overall!.Points, board.Overall.MaxPoints, board.Overall.Rating));
        Assert.Equal("outstanding", board.Get("4.1").Rating);
    }

    /// <summary>Twelve ratings worth <paramref name="points"/> in all: as many Outstanding as fit, then the remainder.</summary>
    private static string[] Spread(int points, int standards)
    {
        string[] byPoints = ["inadequate", "requires-improvement", "good", "outstanding"];
        return [.. Enumerable.Range(0, standards).Select(i => byPoints[Math.Clamp(points - 3 * i, 0, 3)])];
    }

    private static RecordedRating Recorded(string rating) => new(rating, "set for the test", "lead", DateTimeOffset.UnixEpoch, 1);
}
