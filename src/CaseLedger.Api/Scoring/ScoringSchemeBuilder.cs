using CaseLedger.Api.Frameworks;

namespace CaseLedger.Api.Scoring;

/// <summary>
/// Compiles a framework into a <see cref="ScoringScheme"/> in one pass over its questions. It refuses what would make
/// a score ambiguous (duplicate ids, a key question for an unknown or person-rated theme, or for one theme twice),
/// because a wrong scheme would silently publish wrong scores.
/// </summary>
internal static class ScoringSchemeBuilder
{
    public static ScoringScheme Build(Framework framework)
    {
        var scopes = new List<Scope>();
        var themeOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var personRatedThemes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var theme in framework.Themes)
        {
            if (themeOrdinals.ContainsKey(theme.Id) || personRatedThemes.Contains(theme.Id))
                throw Invalid(framework, $"theme '{theme.Id}' appears twice");
            if (theme.JudgedBy is not null)
            {
                personRatedThemes.Add(theme.Id);
                continue;
            }

            themeOrdinals.Add(theme.Id, scopes.Count);
            scopes.Add(new Scope(ScopeKind.Theme, theme.Id, theme.Title, scopes.Count));
        }

        var rated = framework.Ratings?.Standards.SelectMany(standard => standard.KeyQuestions ?? []).ToHashSet(StringComparer.Ordinal) ?? [];
        var sectionIds = new HashSet<string>(StringComparer.Ordinal);
        var criterionIds = new HashSet<string>(StringComparer.Ordinal);
        var questionIds = new HashSet<string>(StringComparer.Ordinal);
        var questions = new List<QuestionPlacement>();
        var scopeOrdinalsByQuestion = new List<int[]>();
        foreach (var section in framework.Sections)
        {
            if (!sectionIds.Add(section.Id))
                throw Invalid(framework, $"section '{section.Id}' appears twice");
            var sectionOrdinal = scopes.Count;
            scopes.Add(new Scope(ScopeKind.Section, section.Id, section.Title, sectionOrdinal));
            foreach (var criterion in section.Criteria)
            {
                if (!criterionIds.Add(criterion.Id))
                    throw Invalid(framework, $"criterion '{criterion.Id}' appears twice");
                var criterionOrdinal = scopes.Count;
                scopes.Add(new Scope(ScopeKind.Criterion, criterion.Id, criterion.Title, criterionOrdinal));
                foreach (var question in criterion.Questions)
                {
                    if (!questionIds.Add(question.Id))
                        throw Invalid(framework, $"question '{question.Id}' appears twice");
                    var ratesAStandard = rated.Contains(question.Id);
                    var ordinals = new int[question.KeyFor.Count + (ratesAStandard ? 3 : 2)];
                    for (var k = 0; k < question.KeyFor.Count; k++)
                        ordinals[k] = ThemeOrdinal(framework, question, k, themeOrdinals, personRatedThemes);
                    if (ordinals.Take(question.KeyFor.Count).Distinct().Count() != question.KeyFor.Count)
                        throw Invalid(framework, $"question '{question.Id}' names one theme twice");
                    ordinals[question.KeyFor.Count] = sectionOrdinal;
                    ordinals[question.KeyFor.Count + 1] = criterionOrdinal;
                    if (ratesAStandard)
                    {
                        ordinals[^1] = scopes.Count;
                        scopes.Add(new Scope(ScopeKind.KeyQuestion, question.Id, question.Text, scopes.Count));
                    }
                    questions.Add(new QuestionPlacement(question.Id, criterion.Id, section.Id, [.. question.KeyFor]));
                    scopeOrdinalsByQuestion.Add(ordinals);
                }
            }
        }

        return new ScoringScheme(framework, scopes, questions, [.. scopeOrdinalsByQuestion], Invert(scopeOrdinalsByQuestion, scopes.Count));
    }

    private static int ThemeOrdinal(
        Framework framework,
        Question question,
        int keyIndex,
        Dictionary<string, int> themeOrdinals,
        HashSet<string> personRatedThemes)
    {
        var themeId = question.KeyFor[keyIndex];
        if (themeOrdinals.TryGetValue(themeId, out var ordinal))
            return ordinal;
        throw Invalid(framework, personRatedThemes.Contains(themeId)
            ? $"question '{question.Id}' is a key question for theme '{themeId}', which a person rates"
            : $"question '{question.Id}' is a key question for theme '{themeId}', which does not exist");
    }

    private static int[][] Invert(List<int[]> scopeOrdinalsByQuestion, int scopeCount)
    {
        var questionsByScope = Enumerable.Range(0, scopeCount).Select(_ => new List<int>()).ToArray();
        for (var question = 0; question < scopeOrdinalsByQuestion.Count; question++)
        {
            foreach (var scope in scopeOrdinalsByQuestion[question])
                questionsByScope[scope].Add(question);
        }

        return [.. questionsByScope.Select(list => list.ToArray())];
    }

    private static ArgumentException Invalid(Framework framework, string problem) =>
        new($"Framework {framework.Id} v{framework.Version} cannot be scored: {problem}.", nameof(framework));
}
