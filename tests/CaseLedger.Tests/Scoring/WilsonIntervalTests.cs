namespace CaseLedger.Tests.Scoring;

public class WilsonIntervalTests
{
    // Hand-computed: for 8 of 10, z²/n = 0.384146, centre = 0.992073 / 1.384146 = 0.716740,
    // half width = (1.959964 / 1.384146) × √(0.016 + 0.009604) = 0.226578.
    [Fact]
    public void Eight_of_ten()
    {
        var interval = WilsonInterval.For(8, 10)!;
        Assert.Equal(49.016, interval.Lower, 3);
        Assert.Equal(94.332, interval.Upper, 3);
    }

    // At p = 0 the lower bound is 0 and the upper is (z²/n) / (1 + z²/n) = 0.768293 / 1.768293.
    [Fact]
    public void None_of_five()
    {
        var interval = WilsonInterval.For(0, 5)!;
        Assert.Equal(0.0, interval.Lower);
        Assert.Equal(43.448, interval.Upper, 3);
    }

    // At p = 1 the upper bound is 100 and the lower is 1 / (1 + z²/n) = 1 / 1.768293.
    [Fact]
    public void Five_of_five()
    {
        var interval = WilsonInterval.For(5, 5)!;
        Assert.Equal(56.552, interval.Lower, 3);
        Assert.Equal(100.0, interval.Upper);
    }

    [Fact]
    public void No_applicable_answers_have_no_interval() => Assert.Null(WilsonInterval.For(0, 0));

    [Fact]
    public void Intervals_mirror_and_stay_within_bounds()
    {
        for (var applicable = 1; applicable <= 120; applicable++)
        {
            for (var sufficient = 0; sufficient <= applicable; sufficient++)
            {
                var interval = WilsonInterval.For(sufficient, applicable)!;
                var mirror = WilsonInterval.For(applicable - sufficient, applicable)!;
                var point = 100.0 * sufficient / applicable;
                Assert.InRange(interval.Lower, 0.0, point);
                Assert.InRange(interval.Upper, point, 100.0);
                Assert.Equal(100 - mirror.Upper, interval.Lower, 9);
            }
        }
    }
}
