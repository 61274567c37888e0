using CaseLedger.Api.Frameworks;

namespace CaseLedger.Api.Scoring;

/// <summary>
/// Turns a scoreboard into ratings, by the framework's rules (<see cref="RatingRules"/>). It is pure, and reads
/// only the scoreboard's key-question scores and the ratings the lead recorded. So ratings are as incremental as
/// scores are: the tally moves, and the ratings follow from its counts.
/// </summary>
public static class Rater
{
    /// <summary>
    /// The ratings. A framework without rating rules has, at most, the themes a person rates (FJI's governance and
    /// partnerships): those ratings alone, with no points and no overall. A framework that rates nothing gives null.
    /// </summary>
    public static RatingBoard? Rate(
        Framework framework, Scoreboard scores, IReadOnlyDictionary<string, RecordedRating> evidence, IReadOnlyDictionary<string, RecordedRating> overrides)
    {
        if (framework.Ratings is not { } rules) return JudgedThemes(framework, evidence);
        var standards = rules.Standards.Select(standard => Rate(framework, rules, standard, scores, evidence, overrides)).ToList();
        var counted = standards.Where(standard => standard.CountsTowardOverall).ToList();
        var rated = counted.Where(standard => standard.Points is not null).ToList();
        var points = rated.Sum(standard => standard.Points!.Value);
        var complete = rated.Count == counted.Count;
        var overall = complete ? rules.OverallBands.Single(band => points >= band.From && points <= band.To).Rating : null;
        return new RatingBoard(standards, new OverallRating(points, counted.Count * rules.Scale.Max(level => level.Points), rated.Count, counted.Count, overall));
    }

    private static StandardRating Rate(
        Framework framework, RatingRules rules, RatedStandard standard, Scoreboard scores,
        IReadOnlyDictionary<string, RecordedRating> evidence, IReadOnlyDictionary<string, RecordedRating> overrides)
    {
        var keys = (standard.KeyQuestions ?? []).Select(id => KeyQuestion(scores.Get(ScopeKind.KeyQuestion, id))).ToList();
        // The lowest key question sets the rating; the first in the framework's order where two are level.
        var lowest = keys.Where(key => key.ExactPercentage is not null).OrderBy(key => key.ExactPercentage).FirstOrDefault();
        var recorded = standard.IsFromEvidence ? evidence.GetValueOrDefault(standard.Id) : null;
        var derived = standard.IsFromEvidence ? recorded?.Rating : lowest?.Rating;
        // An override back to the rating the key questions give is no departure: it withdraws one.
        var overridden = standard.IsFromEvidence || !rules.Overrides.Allowed ? null
            : overrides.GetValueOrDefault(standard.Id) is { } departure && departure.Rating != derived ? departure : null;
        var rating = overridden?.Rating ?? derived;
        return new StandardRating(
            standard.Id, standard.Title, standard.Domain, standard.IsFromEvidence ? StandardRating.FromEvidence : StandardRating.CaseSample,
            keys, derived, standard.IsFromEvidence ? null : lowest?.QuestionId, recorded, overridden, rating,
            rating is null ? null : rules.Scale.Single(level => level.Id == rating).Points, standard.CountsTowardOverall);
    }

    private static RatingBoard? JudgedThemes(Framework framework, IReadOnlyDictionary<string, RecordedRating> evidence)
    {
        var judged = framework.Themes.Where(theme => theme.JudgedBy is not null).ToList();
        if (judged.Count == 0) return null;
        return new RatingBoard([.. judged.Select(theme =>
        {
            var recorded = evidence.GetValueOrDefault(theme.Id);
            return new StandardRating(theme.Id, theme.Title, "", StandardRating.FromEvidence, [], recorded?.Rating, null, recorded, null,
                recorded?.Rating, Points: null, CountsTowardOverall: false);
        })], Overall: null);
    }

    private static KeyQuestionRating KeyQuestion(ScopeScore score) =>
        new(score.Id, score.Title, score.Sufficient, score.Insufficient, score.ExactPercentage, score.Score, score.Interval, score.Band?.Id);

    /// <summary>The label a rating id stands for on the framework's scale (the id itself where it has none).</summary>
    public static string Label(Framework framework, string rating) =>
        framework.Ratings?.Scale.FirstOrDefault(level => level.Id == rating)?.Label
        ?? framework.Banding.Bands.FirstOrDefault(band => band.Id == rating)?.Label
        ?? rating;
}
