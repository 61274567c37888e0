namespace CaseLedger.Api.Frameworks;

/// <summary>
/// Bands are inclusive whole-number ranges that cover every score from 0 to 100 exactly once, so every score
/// has exactly one comment. A published band's provenance must be stated because HMI Probation never
/// published its cut-offs.
/// </summary>
internal static class BandingRules
{
    private const int Lowest = 0;
    private const int Highest = 100;

    public static IEnumerable<string> Check(Banding banding)
    {
        if (string.IsNullOrWhiteSpace(banding.Provenance))
            yield return "banding has an empty provenance; say where the cut-offs come from";
        if (banding.Bands.Count == 0)
        {
            yield return $"banding has no bands; scores {Lowest}-{Highest} fall in no band";
            yield break;
        }

        foreach (var band in banding.Bands)
        {
            if (band.From > band.To)
                yield return $"band '{band.Id}' runs backwards ({band.From}-{band.To})";
            else if (band.From < Lowest || band.To > Highest)
                yield return $"band '{band.Id}' ({band.From}-{band.To}) reaches outside {Lowest}-{Highest}";
        }

        foreach (var error in Coverage(banding.Bands.Where(band => band.From <= band.To).Select(band => (band.Id, band.From, band.To)), Lowest, Highest, "bands", "scores"))
            yield return error;
    }

    /// <summary>Every value from <paramref name="lowest"/> to <paramref name="highest"/> falls in exactly one of the
    /// ranges: the gaps and the overlaps, each named, in the words of what the ranges band.</summary>
    public static IEnumerable<string> Coverage(
        IEnumerable<(string Id, int From, int To)> ranges, int lowest, int highest, string what, string values)
    {
        var nextUncovered = lowest;
        (string Id, int From, int To)? reachingFurthest = null;
        foreach (var band in ranges.OrderBy(band => band.From).ThenBy(band => band.To))
        {
            if (band.From > nextUncovered)
                yield return $"{what} leave a gap: {values} {nextUncovered}-{band.From - 1} fall in no band";
            else if (reachingFurthest is { } furthest && band.From <= furthest.To)
                yield return $"{what} '{furthest.Id}' ({furthest.From}-{furthest.To}) and '{band.Id}' ({band.From}-{band.To}) overlap at {band.From}-{Math.Min(band.To, furthest.To)}";

            if (reachingFurthest is null || band.To > reachingFurthest.Value.To)
                reachingFurthest = band;
            nextUncovered = Math.Max(nextUncovered, band.To + 1);
        }

        if (nextUncovered <= highest)
            yield return $"{what} leave a gap: {values} {nextUncovered}-{highest} fall in no band";
    }
}
