using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Scores;

/// <summary>
/// Marks what corrections after publication moved (DESIGN §11): each figure that differs from the published one
/// carries the published figure beside it. Corrections are the only events after publication, so only a point that
/// takes in the publication and something after it can show a corrected figure.
/// </summary>
public static class Corrections
{
    public static Scoreboard Mark(Scoreboard board, InspectionScores scores, ScoringSchemes schemes, ResolvedPoint point)
    {
        if (scores.PublishedCounts is not { } publishedCounts || scores.PublishedVersion is not { } publishedVersion
            || point.Version <= publishedVersion || !point.TakesTimes(scores.PublishedAt!.Value, scores.PublishedRecordedAt!.Value))
            return board;
        var published = ScoreTally.FromCounts(schemes.For(scores.FrameworkId, scores.FrameworkVersion), publishedCounts).Scoreboard();
        return Mark(board, published);
    }

    public static Scoreboard Mark(Scoreboard board, Scoreboard published) =>
        board with
        {
            Scores = [.. board.Scores.Zip(published.Scores, (now, then) => now.Counts == then.Counts ? now : now with { Published = PublishedFigure.Of(then) })],
        };
}
