namespace CaseLedger.Api.Frameworks;

/// <summary>
/// A headline theme is scored from its key questions or rated by a person, never neither and never both:
/// with neither it could not be reported, with both two different figures would claim to be the theme's.
/// </summary>
internal static class ThemeRules
{
    public static IEnumerable<string> Check(Framework framework)
    {
        var keyQuestions = framework.AllQuestions()
            .SelectMany(placement => placement.Question.KeyFor.Select(theme => (Theme: theme, placement.Question.Id)))
            .ToLookup(key => key.Theme, key => key.Id, StringComparer.Ordinal);

        foreach (var theme in framework.Themes)
        {
            var keys = keyQuestions[theme.Id].ToList();
            if (theme.JudgedBy is null)
            {
                if (keys.Count == 0)
                    yield return $"headline theme '{theme.Id}' has no key questions and is not judgedBy a person, so it could never be scored";
            }
            else if (!FrameworkVocabulary.JudgingRoles.Contains(theme.JudgedBy))
            {
                yield return $"headline theme '{theme.Id}' is judgedBy '{theme.JudgedBy}', which is not one of: {string.Join(", ", FrameworkVocabulary.JudgingRoles)}";
            }
            else if (keys.Count > 0)
            {
                yield return $"headline theme '{theme.Id}' is judgedBy {theme.JudgedBy} but also has key questions ({string.Join(", ", keys)})";
            }
        }
    }
}
