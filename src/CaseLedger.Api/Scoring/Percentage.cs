namespace CaseLedger.Api.Scoring;

/// <summary>
/// Percentages of sufficient over applicable answers. Rounding uses integer arithmetic only, so a result that is
/// exactly half way (1 of 8 is 12.5%) always rounds up, which binary floating point cannot promise.
/// </summary>
public static class Percentage
{
    /// <summary>The whole-number percentage, rounded half up: floor(100·s/n + ½) = floor((200·s + n) / (2·n)).</summary>
    public static int RoundHalfUp(long sufficient, long applicable)
    {
        CheckCounts(sufficient, applicable);
        return (int)((200 * sufficient + applicable) / (2 * applicable));
    }

    /// <summary>The percentage as a decimal: exact whenever it terminates, else correct to 28 significant digits.</summary>
    public static decimal Exact(long sufficient, long applicable)
    {
        CheckCounts(sufficient, applicable);
        return 100m * sufficient / applicable;
    }

    private static void CheckCounts(long sufficient, long applicable)
    {
        if (applicable <= 0)
            throw new ArgumentOutOfRangeException(nameof(applicable), applicable, "A percentage needs at least one applicable answer.");
        if (sufficient < 0 || sufficient > applicable)
            throw new ArgumentOutOfRangeException(nameof(sufficient), sufficient, "Sufficient answers must lie between 0 and the applicable count.");
    }
}
