namespace CaseLedger.Bench.Dataset;

/// <summary>
/// The 155 youth offending services of England and Wales, spread over the regions roughly as they are (London
/// holds the most, the South West the fewest). Named by region and number: the benchmark needs their shape, not
/// their names.
/// </summary>
public static class NationalYots
{
    private static readonly IReadOnlyDictionary<string, int> PerRegion = new Dictionary<string, int>
    {
        ["Wales"] = 17,
        ["North East"] = 12,
        ["North West"] = 22,
        ["Yorkshire and the Humber"] = 15,
        ["East Midlands"] = 9,
        ["West Midlands"] = 14,
        ["East of England"] = 11,
        ["London"] = 31,
        ["South East"] = 18,
        ["South West"] = 6,
    };

    public static IReadOnlyList<YotReference> All { get; } = Build();

    private static List<YotReference> Build()
    {
        var yots = new List<YotReference>();
        foreach (var region in Regions.All)
        {
            var slug = region.ToLowerInvariant().Replace(" ", "-");
            for (var n = 1; n <= PerRegion[region]; n++)
                yots.Add(new YotReference($"{slug}-{n:00}", $"{region} Youth Offending Service {n:00}", region));
        }
        // Interleave the regions, so that any prefix of the dataset (a smaller scale) still spans the country.
        return [.. yots.Select((yot, i) => (yot, Rank: (double)yots.Take(i).Count(y => y.Region == yot.Region) / PerRegion[yot.Region]))
            .OrderBy(entry => entry.Rank).ThenBy(entry => entry.yot.Code, StringComparer.Ordinal).Select(entry => entry.yot)];
    }
}
