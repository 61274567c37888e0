using JasperFx.Events.Daemon;

namespace CaseLedger.Tests.Scores;

/// <summary>
/// Stops the daemon's view shards for the length of a test, so the stored view documents lag the ledger for
/// certain rather than for a lucky fraction of a second; disposing starts them again and waits until they are
/// current. API tests share one collection, so no other test runs meanwhile.
/// </summary>
public sealed class PausedViews : IAsyncDisposable
{
    private static readonly string[] Shards = ["inspection-scores:All", "moderation-log:All"];
    private readonly IAlbaHost host;
    private readonly IProjectionDaemon daemon;

    private PausedViews(IAlbaHost host, IProjectionDaemon daemon) => (this.host, this.daemon) = (host, daemon);

    public static async Task<PausedViews> StartAsync(IAlbaHost host)
    {
        await host.CaughtUp();
        var daemon = host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        foreach (var shard in Shards) await daemon.StopAgentAsync(shard);
        return new PausedViews(host, daemon);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var shard in Shards) await daemon.StartAgentAsync(shard, CancellationToken.None);
        await host.CaughtUp();
    }
}
