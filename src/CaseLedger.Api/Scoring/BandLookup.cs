using CaseLedger.Api.Frameworks;

namespace CaseLedger.Api.Scoring;

/// <summary>
/// Turns a banding into a 101-entry table, so a band is one array read. Building it also proves the bands cover
/// 0–100 with no gap or overlap; the loader checks the same, but a scheme must never answer "no band" for a score.
/// </summary>
internal static class BandLookup
{
    public static Band[] Build(Banding banding)
    {
        var table = new Band?[101];
        foreach (var band in banding.Bands)
        {
            if (band.From < 0 || band.To > 100 || band.From > band.To)
                throw new ArgumentException($"Band '{band.Id}' runs {band.From}–{band.To}, outside 0–100 or backwards.", nameof(banding));
            for (var score = band.From; score <= band.To; score++)
            {
                if (table[score] is { } other)
                    throw new ArgumentException($"Bands '{other.Id}' and '{band.Id}' both cover {score}.", nameof(banding));
                table[score] = band;
            }
        }

        var gap = Array.IndexOf(table, null);
        if (gap >= 0)
            throw new ArgumentException($"No band covers a score of {gap}.", nameof(banding));
        return table!;
    }
}
