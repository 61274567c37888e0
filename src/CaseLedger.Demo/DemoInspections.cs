using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseLedger.Demo;

/// <summary>
/// The five seed inspections and the fictional one under today's framework, in the order they load. Each is data, <c>Seeds/{key}.json</c>, read strictly: a
/// misspelt or missing field stops the demo rather than quietly changing a published figure.
/// </summary>
public static class DemoInspections
{
    private static readonly string[] LoadOrder = ["northamptonshire", "lambeth", "stockport", "southend", "norfolk", "riverford"];

    private static readonly JsonSerializerOptions SeedJson = new(JsonSerializerDefaults.Web)
    {
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static IReadOnlyList<DemoInspection> All { get; } = [.. LoadOrder.Select(Read)];

    public static DemoInspection Named(string key) => All.Single(inspection => inspection.Key == key);

    private static DemoInspection Read(string key)
    {
        using var file = OpenSeed(key);
        return Parse(key, file);
    }

    internal static Stream OpenSeed(string key) =>
        typeof(DemoInspections).Assembly.GetManifestResourceStream($"seeds/{key}.json")
            ?? throw new InvalidOperationException($"The demo has no seed file for '{key}'.");

    /// <exception cref="JsonException">The file is not a seed inspection: a field misspelt, missing or mistyped.</exception>
    /// <exception cref="InvalidOperationException">The file describes another key, or a sample that does not add up.</exception>
    internal static DemoInspection Parse(string key, Stream file)
    {
        var seed = JsonSerializer.Deserialize<DemoSeed>(file, SeedJson)
            ?? throw new InvalidOperationException($"Seed file '{key}.json' is empty.");
        if (seed.Key != key)
            throw new InvalidOperationException($"Seed file '{key}.json' describes '{seed.Key}'.");
        return seed.ToInspection();
    }
}
