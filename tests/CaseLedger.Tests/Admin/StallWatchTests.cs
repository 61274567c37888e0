using CaseLedger.Api.Admin;
using static CaseLedger.Api.Admin.ProjectionStatus;

namespace CaseLedger.Tests.Admin;

public sealed class StallWatchTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(100, 50, 100, 50, 59, false)] // behind and still, but within the allowed pause
    [InlineData(100, 50, 100, 50, 61, true)] // behind and still past the pause: stalled
    [InlineData(100, 500, 200, 400, 61, false)] // behind but moving: busy, not stalled
    [InlineData(100, 0, 100, 0, 3 * 3600, false)] // still for hours, with nothing to do
    public void A_view_is_stalled_only_when_it_is_behind_and_has_not_moved_for_longer_than_the_pause(
        long firstSequence, long firstBehind, long laterSequence, long laterBehind, int secondsLater, bool stalled)
    {
        var watch = new StallWatch(TimeSpan.FromSeconds(60));

        Assert.Empty(watch.Observe([new View("scores", firstSequence, firstBehind)], Start));
        var later = watch.Observe([new View("scores", laterSequence, laterBehind)], Start.AddSeconds(secondsLater));

        if (stalled) Assert.StartsWith($"scores ({laterBehind} events behind", Assert.Single(later));
        else Assert.Empty(later);
    }
}
