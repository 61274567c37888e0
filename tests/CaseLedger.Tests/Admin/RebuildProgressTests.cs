using CaseLedger.Api.Admin;

namespace CaseLedger.Tests.Admin;

/// <summary>What the views' status says of a rebuild under way: events per second so far, and the seconds left at
/// that rate; and nothing once it has finished.</summary>
public class RebuildProgressTests
{
    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void A_rebuild_reports_its_rate_and_time_left_until_it_finishes()
    {
        var clock = new Clock(DateTimeOffset.Parse("2026-12-04T12:00:00Z"));
        var progress = new RebuildProgress(clock);
        Assert.Null(progress.Of("inspection-scores", 0, 1_000));

        using (progress.Start(["inspection-scores"]))
        {
            clock.Now = clock.Now.AddSeconds(4);
            // 100,000 of 500,000 events in 4 s: 25,000 events/s, and 16 s left at that rate.
            Assert.Equal(new Rebuilding(DateTimeOffset.Parse("2026-12-04T12:00:00Z"), 25_000, 16), progress.Of("inspection-scores", 100_000, 500_000));
            Assert.Null(progress.Of("moderation-log", 0, 500_000));
        }
        Assert.Null(progress.Of("inspection-scores", 500_000, 500_000));
    }

    [Fact]
    public void A_rebuild_that_has_applied_nothing_yet_has_no_time_left_to_give()
    {
        var started = DateTimeOffset.Parse("2026-12-04T12:00:00Z");
        Assert.Equal(new Rebuilding(started, 0, null), Rebuilding.Measure(started, started.AddSeconds(2), 0, 10));
    }
}
