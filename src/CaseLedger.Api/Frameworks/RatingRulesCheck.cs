namespace CaseLedger.Api.Frameworks;

/// <summary>
/// The rules a framework's ratings must keep, so that every score has exactly one rating and every inspection
/// exactly one overall rating. The scale's ids are the banding's, so a key question's band is its rating. Points
/// run from 0 for the worst to one less than the number of ratings. The overall bands cover every total from 0 to
/// the most points all standards can add up to. Each standard is rated from the case sample or from evidence,
/// never neither and never both. Each key question is a question of the framework and rates one standard only.
/// </summary>
internal static class RatingRulesCheck
{
    public static IEnumerable<string> Check(Framework framework)
    {
        if (framework.Ratings is not { } ratings) yield break;
        if (string.IsNullOrWhiteSpace(ratings.Provenance))
            yield return "ratings have an empty provenance; say which rules are confirmed and which inferred";
        if (string.IsNullOrWhiteSpace(ratings.Overrides.Provenance))
            yield return "ratings' overrides have an empty provenance; say on whose word inspectors may or may not depart from a derived rating";
        foreach (var error in Scale(ratings, framework.Banding)) yield return error;
        foreach (var error in Standards(ratings, framework)) yield return error;

        var counted = ratings.Standards.Count(standard => standard.CountsTowardOverall);
        var most = counted * (ratings.Scale.Count == 0 ? 0 : ratings.Scale.Max(level => level.Points));
        foreach (var band in ratings.OverallBands.Where(band => !ratings.Scale.Any(level => level.Id == band.Rating)))
            yield return $"overall band {band.From}-{band.To} gives rating '{band.Rating}', which is not on the scale";
        foreach (var band in ratings.OverallBands.Where(band => band.From > band.To || band.From < 0 || band.To > most))
            yield return $"overall band '{band.Rating}' ({band.From}-{band.To}) runs backwards or reaches outside 0-{most}, the points {counted} standards can add up to";
        foreach (var error in BandingRules.Coverage(
            ratings.OverallBands.Where(band => band.From <= band.To).Select(band => (band.Rating, band.From, band.To)), 0, most, "overall bands", "totals"))
            yield return error;
    }

    private static IEnumerable<string> Scale(RatingRules ratings, Banding banding)
    {
        if (ratings.Scale.Count == 0) yield return "ratings have an empty scale";
        foreach (var duplicate in ratings.Scale.GroupBy(level => level.Id).Where(group => group.Count() > 1))
            yield return $"rating '{duplicate.Key}' is on the scale twice";
        foreach (var level in ratings.Scale.Where(level => level.Points < 0 || level.Points > ratings.Scale.Count - 1))
            yield return $"rating '{level.Id}' is worth {level.Points} points, outside 0-{ratings.Scale.Count - 1} for a scale of {ratings.Scale.Count}";
        if (ratings.Scale.Select(level => level.Points).Distinct().Count() != ratings.Scale.Count)
            yield return "two ratings on the scale are worth the same points, so the overall score cannot tell them apart";
        var bands = banding.Bands.Select(band => band.Id).ToHashSet();
        var levels = ratings.Scale.Select(level => level.Id).ToHashSet();
        if (!bands.SetEquals(levels))
            yield return $"the banding's bands ({string.Join(", ", bands)}) are not the rating scale ({string.Join(", ", levels)}): a key question's band is its rating";
    }

    private static IEnumerable<string> Standards(RatingRules ratings, Framework framework)
    {
        var questions = framework.AllQuestions().Select(placement => placement.Question.Id).ToHashSet(StringComparer.Ordinal);
        var rated = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var duplicate in ratings.Standards.GroupBy(standard => standard.Id).Where(group => group.Count() > 1))
            yield return $"standard '{duplicate.Key}' is rated twice";
        foreach (var standard in ratings.Standards)
        {
            var keys = standard.KeyQuestions ?? [];
            if (standard.RatedFrom is { } from && from != RatedStandard.FromEvidence)
                yield return $"standard '{standard.Id}' is rated from '{from}'; the only other basis than key questions is '{RatedStandard.FromEvidence}'";
            if (keys.Count == 0 && !standard.IsFromEvidence)
                yield return $"standard '{standard.Id}' has neither key questions nor an evidence rating, so it could never be rated";
            if (keys.Count > 0 && standard.IsFromEvidence)
                yield return $"standard '{standard.Id}' is rated from evidence but also has key questions ({string.Join(", ", keys)})";
            foreach (var key in keys)
            {
                if (!questions.Contains(key))
                    yield return $"standard '{standard.Id}' names key question '{key}', which is not a question of the framework";
                else if (!rated.TryAdd(key, standard.Id))
                    yield return $"key question '{key}' rates both standard '{rated[key]}' and standard '{standard.Id}'";
            }
        }
    }
}
