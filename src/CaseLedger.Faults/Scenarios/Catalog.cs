using System.Diagnostics;
using CaseLedger.Faults.Nodes;

namespace CaseLedger.Faults.Scenarios;

/// <summary>
/// Every scenario ops/faults runs (issue 16). The API runs in Release, Development (for the development tokens),
/// loopback only; distribution settings are the ones the README gives for several nodes.
/// </summary>
public static class Catalog
{
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(60);

    public static readonly IReadOnlyDictionary<string, string> Solo = Settings("Solo");

    /// <summary>A node's settings: its distribution, and Wolverine's node and agent log lines, which say who led and
    /// which node took over what, when a failover is slower than it should be.</summary>
    public static IReadOnlyDictionary<string, string> Settings(string distribution) =>
        new Dictionary<string, string>
        {
            ["CaseLedger__Projections__Distribution"] = distribution,
            ["Serilog__MinimumLevel__Override__Wolverine"] = "Information",
        };

    public static IReadOnlyList<Scenario> All =>
    [
        new("postgres-killed", "1 node; PostgreSQL SIGKILLed, started again 5 s later", 1, Solo, PostgresKilled, DatabaseFault: true),
        new("postgres-paused", "1 node; PostgreSQL SIGSTOPped with its backends for 5 s", 1, Solo, PostgresPaused, DatabaseFault: true),
        new("api-killed", "1 node; the API SIGKILLed and started again", 1, Solo, ApiKilled),
        new("rebuild-killed", "1 node; the API SIGKILLed during a rebuild of every view, and started again", 1, Solo, RebuildKilled),
        new("view-node-killed-2", "2 nodes, Wolverine distribution; the node running the per-inspection views SIGKILLed", 2, Settings("Wolverine"), ViewNodeKilled(AssignedNode)),
        new("view-node-killed-3", "3 nodes, Wolverine distribution; the node running the per-inspection views SIGKILLed", 3, Settings("Wolverine"), ViewNodeKilled(AssignedNode)),
        new("hotcold-node-killed-2", "2 nodes, Marten HotCold; the node holding the daemon's locks SIGKILLed", 2, Settings("HotCold"), ViewNodeKilled(LockHolder)),
        new("hotcold-node-killed-3", "3 nodes, Marten HotCold; the node holding the daemon's locks SIGKILLed", 3, Settings("HotCold"), ViewNodeKilled(LockHolder)),
        new("standby-promoted", "1 node; primary and synchronous standby, the primary SIGKILLed, the standby promoted 2 s later", 1, Solo,
            StandbyPromoted, Standby: true, DatabaseFault: true),
    ];

    private static async Task PostgresKilled(FaultRun run, Timeline timeline, CancellationToken cancellation)
    {
        await run.Primary.KillAsync(cancellation);
        await Task.Delay(OutageLength, cancellation);
        await run.Primary.StartAsync(cancellation);
        timeline.RecoveredAt = run.Clock();
    }

    private static async Task PostgresPaused(FaultRun run, Timeline timeline, CancellationToken cancellation)
    {
        await run.Primary.PauseAsync(cancellation);
        await Task.Delay(OutageLength, cancellation);
        await run.Primary.ResumeAsync(cancellation);
        timeline.RecoveredAt = run.Clock();
    }

    private static async Task ApiKilled(FaultRun run, Timeline timeline, CancellationToken cancellation)
    {
        var node = run.Nodes[0];
        await node.KillAsync();
        await run.StartNodeAsync(node, cancellation);
        timeline.RecoveredAt = run.Clock();
        timeline.Note($"API ready again {(timeline.RecoveredAt - timeline.StruckAt)!.Value.TotalSeconds:0.0} s after the kill");
    }

    private static async Task RebuildKilled(FaultRun run, Timeline timeline, CancellationToken cancellation)
    {
        var node = run.Nodes[0];
        var rebuild = run.Api.PostEmpty("/admin/projections/rebuild", "faults-admin", Roles.Admin, 200);
        var answer = node.TrySendAsync(rebuild, Stopwatch.StartNew(), cancellation);
        // Long enough for the rebuild to have begun, short of its end on this ledger.
        await Task.Delay(TimeSpan.FromMilliseconds(300), cancellation);
        await node.KillAsync();
        var rebuilt = await answer;
        timeline.Note(rebuilt.Status is null ? "the kill landed during the rebuild (no answer)" : $"the rebuild answered {rebuilt.Status} before the kill");
        await run.StartNodeAsync(node, cancellation);
        timeline.RecoveredAt = run.Clock();
    }

    /// <summary>
    /// Kills the node that runs the per-inspection views (one composite projection), then watches every view until each has moved past where it stood
    /// at the kill (the load goes on, so each has events waiting): a view on a survivor moves at once, and the dead
    /// node's views move once a survivor has taken them over. The slowest is the failover.
    /// </summary>
    private static Func<FaultRun, Timeline, CancellationToken, Task> ViewNodeKilled(Func<FaultRun, CancellationToken, Task<(ApiNode? Node, string Why)>> find) =>
        async (run, timeline, cancellation) =>
        {
            var (victim, why) = await find(run, cancellation);
            timeline.Note(why);
            victim ??= run.Nodes[0];
            await victim.KillAsync();
            var killedAt = Stopwatch.GetTimestamp();
            var at = await run.ViewsAsync(cancellation);
            timeline.Note($"killed {victim.Name}; views then at {Positions(at)}");
            IReadOnlyDictionary<string, (long Sequence, int? Node)>? now = null;
            while (Stopwatch.GetElapsedTime(killedAt) < FailoverLimit)
            {
                now = await TryViewsAsync(run, cancellation) ?? now;
                if (now is not null && at.All(view => now.TryGetValue(view.Key, out var v) && v.Sequence > view.Value.Sequence))
                {
                    timeline.ViewFailover = Stopwatch.GetElapsedTime(killedAt).TotalSeconds;
                    break;
                }
                await Task.Delay(100, cancellation);
            }
            if (timeline.ViewFailover is null && now is not null) timeline.Note($"views still at {Positions(now)} after {FailoverLimit.TotalSeconds:0} s");
            timeline.RecoveredAt = run.Clock();
        };

    private static string Positions(IReadOnlyDictionary<string, (long Sequence, int? Node)> views) =>
        string.Join(", ", views.Select(v => $"{v.Key} {v.Value.Sequence} on node {v.Value.Node?.ToString() ?? "none"}"));

    /// <summary>The composite projection the API runs the per-inspection views in (its ProjectionStatus.PerInspection).</summary>
    private const string PerInspectionViews = "inspection-views";

    /// <summary>Wolverine's assignments name the node number each projection's agent runs on. The per-inspection views
    /// run as one agent, their composite's, so that is the one to look up.</summary>
    private static async Task<(ApiNode?, string)> AssignedNode(FaultRun run, CancellationToken cancellation)
    {
        var views = await run.ViewsAsync(cancellation);
        var number = views.GetValueOrDefault(PerInspectionViews).Node;
        var node = run.Nodes.FirstOrDefault(n => run.NodeNumber(n) == number);
        var ran = string.Join(", ", views.Where(v => v.Value.Node == number).Select(v => v.Key));
        return (node, node is null ? $"no node found running {PerInspectionViews} (assigned to {number?.ToString() ?? "none"}); killed node-1"
            : $"{node.Name} (node {number}) ran {ran}");
    }

    /// <summary>Under HotCold a node runs a shard while it holds that shard's advisory lock; the node whose connections
    /// hold the most of them is the one running the views.</summary>
    private static async Task<(ApiNode?, string)> LockHolder(FaultRun run, CancellationToken cancellation)
    {
        var holders = await run.AdvisoryLockHoldersAsync(cancellation);
        var most = holders.OrderByDescending(h => h.Value).Select(h => h.Key).FirstOrDefault();
        var node = run.Nodes.FirstOrDefault(n => n.Name == most);
        return (node, $"advisory locks held: {string.Join(", ", holders.Select(h => $"{h.Key} {h.Value}"))}");
    }

    private static async Task StandbyPromoted(FaultRun run, Timeline timeline, CancellationToken cancellation)
    {
        var standby = run.Standby!;
        await run.Primary.KillAsync(cancellation);
        // The time a failover tool takes to decide the primary is gone.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
        await standby.PromoteAsync(cancellation);
        run.Promote(standby);
        timeline.RecoveredAt = run.Clock();
    }

    private static async Task<IReadOnlyDictionary<string, (long Sequence, int? Node)>?> TryViewsAsync(FaultRun run, CancellationToken cancellation)
    {
        try
        {
            return await run.ViewsAsync(cancellation);
        }
        catch (Npgsql.NpgsqlException)
        {
            return null;
        }
    }
}
