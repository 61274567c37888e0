namespace CaseLedger.Api.Frameworks;

/// <summary>
/// Each question sits in exactly one criterion, is key only for declared headline themes, offers only declared
/// reason codes, and limits itself only with words a case can be recorded with.
/// </summary>
internal static class QuestionRules
{
    public static IEnumerable<string> Check(Framework framework)
    {
        var themes = framework.Themes.Select(theme => theme.Id).ToHashSet(StringComparer.Ordinal);
        var reasonCodes = framework.ReasonCodes.Select(code => code.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var error in Placement(framework))
            yield return error;

        foreach (var criterion in framework.AllCriteria().Where(criterion => criterion.Questions.Count == 0))
            yield return $"criterion '{criterion.Id}' has no questions, so it could never be scored";

        foreach (var (_, question) in framework.AllQuestions())
        {
            foreach (var theme in question.KeyFor.Where(theme => !themes.Contains(theme)))
                yield return $"question '{question.Id}' is key for headline theme '{theme}', which is not declared in themes";

            if (question.ReasonCodes.Count == 0)
                yield return $"question '{question.Id}' lists no reason codes for an insufficient answer";
            foreach (var code in question.ReasonCodes.Where(code => !reasonCodes.Contains(code)))
                yield return $"question '{question.Id}' lists reason code '{code}', which is not declared in reasonCodes";

            if (question.AppliesTo is { } applicability)
                foreach (var error in Applicability(question.Id, applicability))
                    yield return error;
        }
    }

    private static IEnumerable<string> Placement(Framework framework)
    {
        var placements = framework.AllQuestions()
            .Where(placement => !string.IsNullOrWhiteSpace(placement.Question.Id))
            .GroupBy(placement => placement.Question.Id, placement => placement.Criterion.Id)
            .Where(group => group.Count() > 1);

        foreach (var placement in placements)
        {
            var criteria = placement.Distinct().ToList();
            yield return criteria.Count == 1
                ? $"question '{placement.Key}' is listed {Wording.Times(placement.Count())} in criterion '{criteria[0]}'"
                : $"question '{placement.Key}' is in {Wording.Number(criteria.Count)} criteria ({string.Join(", ", criteria)})";
        }
    }

    private static IEnumerable<string> Applicability(string questionId, Applicability applicability) =>
    [
        .. Limit(questionId, "settings", applicability.Settings, FrameworkVocabulary.Settings),
        .. Limit(questionId, "sentenceTypes", applicability.SentenceTypes, FrameworkVocabulary.SentenceTypes),
        .. Limit(questionId, "riskOfHarm", applicability.RiskOfHarm, FrameworkVocabulary.RiskOfHarm),
    ];

    private static IEnumerable<string> Limit(
        string questionId, string attribute, IReadOnlyList<string>? values, IReadOnlyList<string> vocabulary)
    {
        if (values is null)
            yield break;
        if (values.Count == 0)
            yield return $"question '{questionId}' has an empty {attribute} list, so it applies to no case; leave {attribute} out to apply to every case";
        foreach (var value in values.Where(value => !vocabulary.Contains(value)))
            yield return $"question '{questionId}' applies to {attribute} '{value}', which is not one of: {string.Join(", ", vocabulary)}";
    }
}
