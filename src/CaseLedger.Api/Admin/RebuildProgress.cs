namespace CaseLedger.Api.Admin;

/// <summary>
/// The rebuilds running on this node, so the views' status can say how far each has come, how fast it goes and
/// how long it has left. A rebuild's shard starts again from sequence 0, so its rate is the sequence it has
/// reached over the time since it started.
/// </summary>
public sealed class RebuildProgress(TimeProvider clock)
{
    private readonly Dictionary<string, DateTimeOffset> started = [];

    /// <summary>Several views when one projection keeps them all, as the composite of an inspection's views does.</summary>
    public IDisposable Start(IReadOnlyList<string> views)
    {
        var now = clock.GetUtcNow();
        lock (started)
            foreach (var view in views) started[view] = now;
        return new Finished(this, views);
    }

    /// <summary>Null when the view is not being rebuilt here.</summary>
    public Rebuilding? Of(string view, long reached, long target)
    {
        DateTimeOffset since;
        lock (started)
            if (!started.TryGetValue(view, out since)) return null;
        return Rebuilding.Measure(since, clock.GetUtcNow(), reached, target);
    }

    private sealed class Finished(RebuildProgress progress, IReadOnlyList<string> views) : IDisposable
    {
        public void Dispose()
        {
            lock (progress.started)
                foreach (var view in views) progress.started.Remove(view);
        }
    }
}

/// <summary>A rebuild under way: when it started, events per second so far, and the seconds left at that rate (null
/// until it has applied anything).</summary>
public sealed record Rebuilding(DateTimeOffset StartedAt, double EventsPerSecond, double? SecondsLeft)
{
    public static Rebuilding Measure(DateTimeOffset startedAt, DateTimeOffset now, long reached, long target)
    {
        var seconds = Math.Max((now - startedAt).TotalSeconds, 0.001);
        var rate = reached / seconds;
        return new Rebuilding(startedAt, Math.Round(rate, 1), rate > 0 ? Math.Round(Math.Max(target - reached, 0) / rate, 1) : null);
    }
}
