using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CaseLedger.Api.Frameworks;

/// <summary>
/// Rules only the file itself can show, because the records have no place to keep what breaks them: unknown
/// properties (a misspelling, or a <c>questions</c> list put straight on a section, outside any criterion), a
/// property given twice (the parser would otherwise keep one silently) and null list entries. The walk follows
/// the records' own JSON contract, so it changes when they do.
/// </summary>
internal static class FrameworkDocumentRules
{
    public static IReadOnlyList<string> Check(JsonElement root)
    {
        var errors = new List<string>();
        Walk(root, Contract(typeof(Framework)), "the framework", errors);
        return errors;
    }

    private static void Walk(JsonElement element, JsonTypeInfo contract, string owner, List<string> errors)
    {
        if (contract.Kind == JsonTypeInfoKind.Object && element.ValueKind == JsonValueKind.Object)
            WalkObject(element, contract, owner, errors);
        else if (contract.Kind == JsonTypeInfoKind.Enumerable && element.ValueKind == JsonValueKind.Array)
            WalkArray(element, contract, owner, errors);
    }

    private static void WalkObject(JsonElement element, JsonTypeInfo contract, string owner, List<string> errors)
    {
        var self = Describe(element, contract, owner);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var known = contract.Properties.FirstOrDefault(p => p.Name == property.Name);
            if (!seen.Add(property.Name))
                errors.Add($"{self} has property '{property.Name}' twice");
            else if (known is null)
                errors.Add(Unknown(self, contract.Type, property));
            else
                Walk(property.Value, Contract(known.PropertyType), $"'{property.Name}' of {self}", errors);
        }
    }

    private static void WalkArray(JsonElement array, JsonTypeInfo contract, string owner, List<string> errors)
    {
        var itemContract = Contract(contract.ElementType!);
        var position = 0;
        foreach (var item in array.EnumerateArray())
        {
            position++;
            if (item.ValueKind == JsonValueKind.Null)
                errors.Add($"{owner} has a null entry at position {position}");
            else
                Walk(item, itemContract, owner, errors);
        }
    }

    private static string Unknown(string owner, Type type, JsonProperty property) =>
        type == typeof(Section) && property.Name == "questions"
            ? $"{owner} holds questions outside any criterion ({IdsIn(property.Value)}); every question belongs to exactly one criterion"
            : $"{owner} has unknown property '{property.Name}'";

    /// <summary>Names an element by its id where it has one, so a message points at something a person can find.</summary>
    private static string Describe(JsonElement element, JsonTypeInfo contract, string owner)
    {
        if (!contract.Properties.Any(p => p.Name == "id"))
            return owner;
        var noun = Noun(contract.Type);
        return element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? $"{noun} '{id.GetString()}'"
            : $"a {noun} without an id in {owner}";
    }

    private static string IdsIn(JsonElement questions) =>
        questions.ValueKind != JsonValueKind.Array
            ? "not a list"
            : string.Join(", ", questions.EnumerateArray()
                .Select(q => q.ValueKind == JsonValueKind.Object && q.TryGetProperty("id", out var id) ? $"'{id}'" : "?"));

    private static string Noun(Type type) =>
        string.Concat(type.Name.Select((c, i) => char.IsUpper(c) && i > 0 ? $" {char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    private static JsonTypeInfo Contract(Type type) => FrameworkJson.Options.GetTypeInfo(type);
}
