using System.Text.RegularExpressions;

namespace CaseLedger.Api.Frameworks;

/// <summary>
/// Every element has a usable id and the words a person reads (title, text, label), and no id is used twice
/// among elements of one kind. Ids end up in URLs, events and exports, hence the narrow alphabet.
/// </summary>
internal static partial class IdentityRules
{
    private sealed record Element(string Kind, string Where, string Id, string TextName, string Text);

    public static IEnumerable<string> Check(Framework framework)
    {
        if (framework.Version < 1)
            yield return $"framework '{framework.Id}' has version {framework.Version}; versions start at 1";
        if (string.IsNullOrWhiteSpace(framework.Source))
            yield return $"framework '{framework.Id}' has an empty source; name the published report(s) it comes from";

        var elements = Elements(framework).ToList();
        foreach (var element in elements)
        {
            if (string.IsNullOrWhiteSpace(element.Id))
                yield return $"a {element.Kind} {element.Where} has an empty id";
            else if (!WellFormedId().IsMatch(element.Id))
                yield return $"{element.Kind} '{element.Id}' has an id with characters other than a-z, 0-9, '.' and '-' (joined by single separators)";

            if (string.IsNullOrWhiteSpace(element.Text))
                yield return $"{element.Kind} '{element.Id}' has an empty {element.TextName}";
        }

        // Questions repeated across criteria are QuestionRules' business: that is a placement error, not a naming one.
        var duplicates = elements
            .Where(element => element.Kind is not ("question" or "framework") && !string.IsNullOrWhiteSpace(element.Id))
            .GroupBy(element => (element.Kind, element.Id))
            .Where(group => group.Count() > 1);
        foreach (var duplicate in duplicates)
            yield return $"{duplicate.Key.Kind} id '{duplicate.Key.Id}' is used {Wording.Times(duplicate.Count())}";
    }

    private static IEnumerable<Element> Elements(Framework framework)
    {
        yield return new("framework", "at the top of the file", framework.Id, "name", framework.Name);
        foreach (var code in framework.ReasonCodes)
            yield return new("reason code", "in reasonCodes", code.Id, "label", code.Label);
        foreach (var theme in framework.Themes)
            yield return new("headline theme", "in themes", theme.Id, "title", theme.Title);
        foreach (var section in framework.Sections)
        {
            yield return new("section", "in sections", section.Id, "title", section.Title);
            foreach (var criterion in section.Criteria)
            {
                yield return new("criterion", $"in section '{section.Id}'", criterion.Id, "title", criterion.Title);
                foreach (var question in criterion.Questions)
                    yield return new("question", $"in criterion '{criterion.Id}'", question.Id, "text", question.Text);
            }
        }
        foreach (var band in framework.Banding.Bands)
            yield return new("band", "in the banding", band.Id, "label", band.Label);
    }

    [GeneratedRegex("^[a-z0-9]+(?:[.-][a-z0-9]+)*$")]
    private static partial Regex WellFormedId();
}
