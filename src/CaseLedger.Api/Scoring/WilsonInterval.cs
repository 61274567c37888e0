namespace CaseLedger.Api.Scoring;

/// <summary>
/// The Wilson 95% score interval of a score, in percent. Reports give it beside the score because samples of a few
/// dozen cases make close comparisons unsafe; unlike the plain normal interval it stays inside 0–100 and is
/// not empty when every answer is sufficient, or none is.
/// </summary>
public sealed record WilsonInterval(double Lower, double Upper)
{
    /// <summary>The two-sided 95% standard normal quantile.</summary>
    public const double Z = 1.959963984540054;

    public static WilsonInterval? For(int sufficient, int applicable)
    {
        if (applicable == 0)
            return null;
        if (sufficient < 0 || sufficient > applicable)
            throw new ArgumentOutOfRangeException(nameof(sufficient), sufficient, "Sufficient answers must lie between 0 and the applicable count.");

        double n = applicable;
        double p = sufficient / n;
        double zSquaredOverN = Z * Z / n;
        double denominator = 1 + zSquaredOverN;
        double centre = (p + zSquaredOverN / 2) / denominator;
        double halfWidth = Z / denominator * Math.Sqrt(p * (1 - p) / n + zSquaredOverN / (4 * n));

        // At p = 0 or p = 1 one bound is exactly 0 or 1 in closed form; rounding error would leave it a hair off.
        double lower = sufficient == 0 ? 0 : Math.Max(0, centre - halfWidth);
        double upper = sufficient == applicable ? 1 : Math.Min(1, centre + halfWidth);
        return new WilsonInterval(100 * lower, 100 * upper);
    }
}
