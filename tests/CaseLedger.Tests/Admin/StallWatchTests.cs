using CaseLedger.Api.Admin;
using static CaseLedger.Api.Admin.ProjectionStatus;

namespace CaseLedger.Tests.Admin;

public sealed class StallWatchTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_view_behind_that_stops_moving_is_stalled_after_the_allowed_pause()
    {
        var watch = new StallWatch(TimeSpan.FromSeconds(60));

        Assert.Empty(watch.Observe([new View("scores", 100, 50)], Start));
        Assert.Empty(watch.Observe([new View("scores", 100, 50)], Start.AddSeconds(59)));
        Assert.Single(watch.Observe([new View("scores", 100, 50)], Start.AddSeconds(61)));
    }

    [Fact]
    public void A_busy_view_that_keeps_moving_is_not_stalled()
    {
        var watch = new StallWatch(TimeSpan.FromSeconds(60));

        watch.Observe([new View("scores", 100, 500)], Start);
        Assert.Empty(watch.Observe([new View("scores", 200, 400)], Start.AddSeconds(50)));
        Assert.Empty(watch.Observe([new View("scores", 300, 300)], Start.AddSeconds(100)));
    }

    [Fact]
    public void A_view_with_nothing_to_do_is_never_stalled()
    {
        var watch = new StallWatch(TimeSpan.FromSeconds(60));

        watch.Observe([new View("scores", 100, 0)], Start);
        Assert.Empty(watch.Observe([new View("scores", 100, 0)], Start.AddHours(3)));
    }
}
