namespace CaseLedger.Tests.Scoring;

public class PercentageTests
{
    [Theory]
    [InlineData(1, 8, 13)]      // 12.5
    [InlineData(3, 8, 38)]      // 37.5
    [InlineData(5, 8, 63)]      // 62.5
    [InlineData(149, 200, 75)]  // 74.5
    [InlineData(1, 200, 1)]     // 0.5
    [InlineData(199, 200, 100)] // 99.5
    [InlineData(2, 8, 25)]      // 25 exactly
    [InlineData(1, 3, 33)]      // 33.3…
    [InlineData(2, 3, 67)]      // 66.6…
    [InlineData(46, 62, 74)]    // 74.19…
    [InlineData(0, 5, 0)]
    [InlineData(5, 5, 100)]
    public void Rounds_half_up(long sufficient, long applicable, int expected) =>
        Assert.Equal(expected, Percentage.RoundHalfUp(sufficient, applicable));

    [Fact]
    public void Rounding_agrees_with_decimal_half_up_for_every_fraction_up_to_400()
    {
        for (var applicable = 1; applicable <= 400; applicable++)
        {
            for (var sufficient = 0; sufficient <= applicable; sufficient++)
            {
                var expected = (int)Math.Round(100m * sufficient / applicable, MidpointRounding.AwayFromZero);
                Assert.Equal(expected, Percentage.RoundHalfUp(sufficient, applicable));
            }
        }
    }

    [Fact]
    public void Exact_percentage_keeps_halves_and_whole_numbers_exact()
    {
        Assert.Equal(25.0m, Percentage.Exact(2, 8));
        Assert.Equal(12.5m, Percentage.Exact(1, 8));
        Assert.Equal(74.5m, Percentage.Exact(149, 200));
    }

    [Fact]
    public void No_applicable_answers_has_no_percentage()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentage.RoundHalfUp(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentage.Exact(0, 0));
    }

    [Fact]
    public void More_sufficient_than_applicable_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentage.RoundHalfUp(9, 8));
}
