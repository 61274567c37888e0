using System.Text.Json;

namespace CaseLedger.Api.Frameworks;

/// <summary>Turns one framework file's text into a validated <see cref="Framework"/>, or says everything wrong with it.</summary>
public static class FrameworkReader
{
    public static Framework Read(string fileName, string json)
    {
        using var document = Parse(fileName, json);

        var documentErrors = FrameworkDocumentRules.Check(document.RootElement);
        if (documentErrors.Count > 0)
            throw Invalid(fileName, documentErrors);

        var framework = Deserialize(fileName, json);

        var errors = FrameworkValidator.Validate(framework);
        if (errors.Count > 0)
            throw Invalid(fileName, errors);

        return framework;
    }

    private static JsonDocument Parse(string fileName, string json)
    {
        try
        {
            return JsonDocument.Parse(json, FrameworkJson.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw Invalid(fileName, [$"malformed JSON at line {Line(e)}: {Reason(e)}"]);
        }
    }

    private static Framework Deserialize(string fileName, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Framework>(json, FrameworkJson.Options)
                ?? throw Invalid(fileName, ["the file holds null instead of a framework"]);
        }
        catch (JsonException e)
        {
            throw Invalid(fileName, [$"cannot read {e.Path ?? "the framework"} at line {Line(e)}: {Reason(e)}"]);
        }
    }

    private static FrameworkValidationException Invalid(string fileName, IEnumerable<string> errors) =>
        new([.. errors.Select(error => $"{fileName}: {error}")]);

    private static string Line(JsonException e) => e.LineNumber is { } line ? $"{line + 1}" : "?";

    /// <summary>
    /// System.Text.Json appends its own zero-based location to the message; it is cut off here because the
    /// message already gives the one-based line an editor shows.
    /// </summary>
    private static string Reason(JsonException e)
    {
        var message = e.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
                message = message[..at];
        }
        return message.TrimEnd('.', ' ');
    }
}
