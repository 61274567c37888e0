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

        foreach (var error in Coverage(banding.Bands.Where(band => band.From <= band.To)))
            yield return error;
    }

    private static IEnumerable<string> Coverage(IEnumerable<Band> bands)
    {
        var nextUncovered = Lowest;
        Band? reachingFurthest = null;
        foreach (var band in bands.OrderBy(band => band.From).ThenBy(band => band.To))
        {
            if (band.From > nextUncovered)
                yield return $"bands leave a gap: scores {nextUncovered}-{band.From - 1} fall in no band";
            else if (reachingFurthest is not null && band.From <= reachingFurthest.To)
                yield return $"bands '{reachingFurthest.Id}' ({reachingFurthest.From}-{reachingFurthest.To}) and '{band.Id}' ({band.From}-{band.To}) overlap at {band.From}-{Math.Min(band.To, reachingFurthest.To)}";

            if (reachingFurthest is null || band.To > reachingFurthest.To)
                reachingFurthest = band;
            nextUncovered = Math.Max(nextUncovered, band.To + 1);
        }

        if (nextUncovered <= Highest)
            yield return $"bands leave a gap: scores {nextUncovered}-{Highest} fall in no band";
    }
}
