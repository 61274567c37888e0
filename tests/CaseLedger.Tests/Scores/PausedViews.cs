using JasperFx.Events.Daemon;

namespace CaseLedger.Tests.Scores;

/// <summary>
/// Pauses the daemon for the length of a test, so the stored view documents lag the ledger for certain rather than
/// for a lucky fraction of a second; disposing resumes it and waits until every view is current. The coordinator's
/// own pause, not a stop of each shard: its loop restarts a stopped shard within one polling interval. The sealer
/// pauses too, so a publication meanwhile answers without its ledger receipt. API tests share one collection, so no
/// other test runs meanwhile.
/// </summary>
public sealed class PausedViews : IAsyncDisposable
{
    private readonly IAlbaHost host;
    private readonly IProjectionCoordinator coordinator;

    private PausedViews(IAlbaHost host, IProjectionCoordinator coordinator) => (this.host, this.coordinator) = (host, coordinator);

    public static async Task<PausedViews> StartAsync(IAlbaHost host)
    {
        await host.CaughtUp();
        var coordinator = host.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        return new PausedViews(host, coordinator);
    }

    public async ValueTask DisposeAsync()
    {
        await coordinator.ResumeAsync();
        await host.CaughtUp();
    }
}
