using System.Text.Json.Nodes;

namespace CaseLedger.Tests.Frameworks;

public class BandingRulesTests
{
    [Fact]
    public void A_gap_between_bands_is_refused_naming_the_scores_left_out()
    {
        var framework = WithBands((0, 49), (52, 100));

        Assert.Contains("minimal-1.json: bands leave a gap: scores 50-51 fall in no band", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void Overlapping_bands_are_refused_naming_both_and_the_shared_scores()
    {
        var framework = WithBands((0, 49), (45, 100));

        Assert.Contains(
            "minimal-1.json: bands 'low' (0-49) and 'high' (45-100) overlap at 45-49",
            MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void Bands_that_stop_short_of_100_are_refused()
    {
        var framework = WithBands((0, 49), (50, 99));

        Assert.Contains("bands leave a gap: scores 100-100 fall in no band", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void Bands_that_start_above_0_are_refused()
    {
        var framework = WithBands((1, 49), (50, 100));

        Assert.Contains("bands leave a gap: scores 0-0 fall in no band", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_band_that_runs_backwards_is_refused()
    {
        var framework = WithBands((49, 0), (50, 100));

        var refusal = MinimalFramework.RefusalOf(framework);

        Assert.Contains("band 'low' runs backwards (49-0)", refusal);
        Assert.Contains("scores 0-49 fall in no band", refusal);
    }

    [Fact]
    public void A_band_reaching_past_100_is_refused()
    {
        var framework = WithBands((0, 49), (50, 120));

        Assert.Contains("band 'high' (50-120) reaches outside 0-100", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void Bands_listed_out_of_order_are_fine()
    {
        var framework = MinimalFramework.Node();
        var bands = framework.Bands();
        var low = bands[0]!;
        bands.RemoveAt(0);
        bands.Add(low);

        Assert.Equal(["high", "low"], MinimalFramework.Read(framework).Banding.Bands.Select(band => band.Id));
    }

    [Fact]
    public void A_banding_without_provenance_is_refused()
    {
        var framework = MinimalFramework.Node();
        framework["banding"]!["provenance"] = "";

        Assert.Contains("banding has an empty provenance", MinimalFramework.RefusalOf(framework));
    }

    private static JsonObject WithBands((int From, int To) low, (int From, int To) high)
    {
        var framework = MinimalFramework.Node();
        var bands = framework.Bands();
        (bands[0]!["from"], bands[0]!["to"]) = (low.From, low.To);
        (bands[1]!["from"], bands[1]!["to"]) = (high.From, high.To);
        return framework;
    }
}
