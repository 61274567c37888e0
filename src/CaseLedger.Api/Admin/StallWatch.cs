namespace CaseLedger.Api.Admin;

/// <summary>
/// Tells a stalled view from a busy one: a view is stalled when it is behind the event store and its position has
/// not moved for longer than the allowed time. Pure apart from the positions it remembers between observations.
/// </summary>
public sealed class StallWatch(TimeSpan stalledAfter)
{
    private readonly Dictionary<string, (long Sequence, DateTimeOffset Since)> lastMoved = [];

    public IReadOnlyList<string> Observe(IReadOnlyList<ProjectionStatus.View> views, DateTimeOffset now)
    {
        var stalled = new List<string>();
        lock (lastMoved)
            foreach (var view in views)
            {
                if (!lastMoved.TryGetValue(view.Name, out var seen) || seen.Sequence != view.Sequence)
                    lastMoved[view.Name] = seen = (view.Sequence, now);
                if (view.Behind > 0 && now - seen.Since > stalledAfter)
                    stalled.Add($"{view.Name} ({view.Behind} events behind, no progress for {(int)(now - seen.Since).TotalSeconds} s)");
            }
        return stalled;
    }
}
