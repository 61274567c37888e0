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

    public static IReadOnlyDictionary<string, string> Settings(string distribution) =>
        new Dictionary<string, string> { ["CaseLedger__Projections__Distribution"] = distribution };

    public static IReadOnlyList<Scenario> All =>
    [
        new("postgres-killed", "1 node; PostgreSQL SIGKILLed, started again 5 s later", 1, Solo, PostgresKilled, DatabaseFault: true),
        new("postgres-paused", "1 node; PostgreSQL SIGSTOPped with its backends for 5 s", 1, Solo, PostgresPaused, DatabaseFault: true),
        new("api-killed", "1 node; the API SIGKILLed and started again", 1, Solo, ApiKilled),
        new("rebuild-killed", "1 node; the API SIGKILLed during a rebuild of every view, and started again", 1, Solo, RebuildKilled),
        new("view-node-killed-2", "2 nodes, Wolverine distribution; the node running inspection-scores SIGKILLed", 2, Settings("Wolverine"), ViewNodeKilled),
        new("view-node-killed-3", "3 nodes, Wolverine distribution; the node running inspection-scores SIGKILLed", 3, Settings("Wolverine"), ViewNodeKilled),
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

    /// <summary>Kills the node Wolverine assigned inspection-scores to, then watches every view that node ran until
    /// it runs on another node and has moved past where it stood: the time a view stood still.</summary>
    private static async Task ViewNodeKilled(FaultRun run, Timeline timeline, CancellationToken cancellation)
    {
        var before = await run.ViewsAsync(cancellation);
        var running = before.GetValueOrDefault("inspection-scores").Node;
        var victim = run.Nodes.FirstOrDefault(n => run.NodeNumber(n) == running);
        if (victim is null)
        {
            timeline.Note($"no node found running inspection-scores (progression says node {running?.ToString() ?? "none"}); killed node-1");
            victim = run.Nodes[0];
        }
        var number = run.NodeNumber(victim);
        await victim.KillAsync();
        var killedAt = Stopwatch.GetTimestamp();
        var at = await run.ViewsAsync(cancellation);
        var moved = at.Where(s => s.Value.Node == number).Select(s => s.Key).ToList();
        timeline.Note($"killed {victim.Name} (node {number}), which ran {string.Join(", ", moved)}");
        while (Stopwatch.GetElapsedTime(killedAt) < FailoverLimit)
        {
            var now = await TryViewsAsync(run, cancellation);
            if (now is not null && moved.All(shard => now.TryGetValue(shard, out var s) && s.Sequence > at[shard].Sequence && s.Node != number))
            {
                timeline.ViewFailover = Stopwatch.GetElapsedTime(killedAt).TotalSeconds;
                timeline.Note($"now on node {string.Join(", ", moved.Select(shard => now[shard].Node).Distinct())}");
                break;
            }
            await Task.Delay(100, cancellation);
        }
        timeline.RecoveredAt = run.Clock();
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
