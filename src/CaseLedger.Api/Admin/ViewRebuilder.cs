using System.Diagnostics;
using JasperFx.Events.Daemon;

namespace CaseLedger.Api.Admin;

/// <summary>
/// Rebuilds views from the events through the daemon this node runs (Solo), or a daemon of its own when Wolverine
/// distributes the projections across nodes.
/// </summary>
public sealed class ViewRebuilder(IDocumentStore store, IServiceProvider services, RebuildProgress progress, ILogger<ViewRebuilder> logger)
{
    public sealed record Rebuilt(string Name, double Seconds);

    public async Task<IReadOnlyList<Rebuilt>> RebuildAsync(IReadOnlyList<string> names, CancellationToken cancellation)
    {
        var running = services.GetService<IProjectionCoordinator>()?.DaemonForMainDatabase();
        var daemon = running ?? await store.BuildProjectionDaemonAsync();
        // A view that reads only the events is rebuilt from the start beside the rest: on two cores, a second
        // pipeline rather than a wait (measured at 1,000,000 events: the composite 11 s, then judgement-changes 21 s).
        var alongside = Task.WhenAll(names.Intersect(ProjectionStatus.EventsOnlyViews)
            .Select(name => RebuildOneAsync(daemon, running, name, [name], cancellation)));
        var inTurn = RebuildInTurnAsync(daemon, running, [.. names.Except(ProjectionStatus.EventsOnlyViews)], cancellation);
        await Task.WhenAll(alongside, inTurn);
        IReadOnlyList<Rebuilt> rebuilt = [.. await inTurn, .. await alongside];
        return [.. names.Select(name => rebuilt.Single(one => one.Name == name))];
    }

    private async Task<IReadOnlyList<Rebuilt>> RebuildInTurnAsync(
        IProjectionDaemon daemon, IProjectionDaemon? running, IReadOnlyList<string> names, CancellationToken cancellation)
    {
        // The views of one inspection are one composite projection, rebuilt in a single pass over the events: asking
        // for any of them rebuilds all three. The views across inspections follow, once the scores they read are
        // whole again.
        var rebuilt = new List<Rebuilt>();
        if (names.Intersect(ProjectionStatus.PerInspectionViews).Any())
        {
            var composite = await RebuildOneAsync(daemon, running, ProjectionStatus.PerInspection, ProjectionStatus.PerInspectionViews, cancellation);
            rebuilt.AddRange(ProjectionStatus.PerInspectionViews.Select(view => composite with { Name = view }));
        }
        rebuilt.AddRange(await Task.WhenAll(names.Except(ProjectionStatus.PerInspectionViews)
            .Select(name => RebuildOneAsync(daemon, running, name, [name], cancellation))));
        return rebuilt;
    }

    private async Task<Rebuilt> RebuildOneAsync(
        IProjectionDaemon daemon, IProjectionDaemon? running, string name, IReadOnlyList<string> views, CancellationToken cancellation)
    {
        logger.LogInformation("Rebuilding view {Projection} from the events", name);
        var clock = Stopwatch.StartNew();
        using (progress.Start(views))
            await daemon.RebuildProjectionAsync(name, cancellation);
        // A rebuild leaves the shard stopped; this node's daemon must carry on applying new events.
        if (running is not null) await running.StartAgentAsync(ProjectionStatus.ShardOf(name), cancellation);
        logger.LogInformation("Rebuilt view {Projection} in {Seconds:0.0} s", name, clock.Elapsed.TotalSeconds);
        return new Rebuilt(name, Math.Round(clock.Elapsed.TotalSeconds, 3));
    }
}
