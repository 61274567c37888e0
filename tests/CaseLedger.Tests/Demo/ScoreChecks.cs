namespace CaseLedger.Tests.Demo;

/// <summary>One scope's score as a score reader gives it: the whole-number percentage and the band's comment.</summary>
public sealed record ScoreFigure(ScopeKind Kind, string Id, int? Score, string? Comment);

/// <summary>Reads an inspection's current scores, from wherever scores are served.</summary>
public delegate Task<IReadOnlyList<ScoreFigure>> ReadScores(Guid inspectionId);

public static class ScoreChecks
{
    /// <summary>Every published figure, and its comment where the report gives one, is what the reader reads.</summary>
    public static async Task AssertPublished(ReadScores read, Guid inspectionId, IReadOnlyList<PublishedFigures.Figure> published)
    {
        var scores = (await read(inspectionId)).ToDictionary(score => (score.Kind, score.Id));
        Assert.All(published, figure =>
        {
            Assert.True(scores.TryGetValue((figure.Kind, figure.Id), out var score), $"No score for {figure.Kind} '{figure.Id}'.");
            Assert.Equal((figure.Kind, figure.Id, (int?)figure.Score), (score!.Kind, score.Id, score.Score));
            if (figure.Comment is { } comment)
                Assert.Equal(comment, score.Comment);
        });
    }

    /// <summary>Scores computed by the scoring engine from current answers.</summary>
    public static IReadOnlyList<ScoreFigure> FromAnswers(ScoringScheme scheme, IEnumerable<CaseAnswer> answers) =>
    [
        .. Scorer.Compute(scheme, answers).Scores.Select(score => new ScoreFigure(score.Kind, score.Id, score.Score, score.Band?.Label)),
    ];
}
