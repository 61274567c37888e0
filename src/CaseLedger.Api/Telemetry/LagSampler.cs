using CaseLedger.Api.Admin;
using CaseLedger.Api.Ledger.Sealing;
using CaseLedger.Api.Notifications.Feed;

namespace CaseLedger.Api.Telemetry;

/// <summary>
/// Reads how far the async projections and the signed log are behind, every <c>Telemetry:SampleSeconds</c>
/// (15 by default, a Prometheus scrape interval), and hands it to <see cref="CaseLedgerMetrics"/>. Sampling on a
/// timer keeps the database's cost the same however many scrapers and exporters collect, and keeps a collection
/// from waiting on a query. Every node samples the same figures: they are the database's, not the node's.
/// </summary>
public sealed class LagSampler(IDocumentStore store, CaseLedgerMetrics metrics, IConfiguration configuration, ILogger<LagSampler> logger)
    : BackgroundService
{
    /// <summary>Every async projection: the views, the change feed and the sealer.</summary>
    public static readonly IReadOnlyList<string> Projections = [.. ProjectionStatus.Names, FeedProjection.Name, LedgerSealer.Name];

    private readonly TimeSpan interval = TimeSpan.FromSeconds(configuration.GetValue("Telemetry:SampleSeconds", 15.0));

    public async Task SampleAsync(CancellationToken cancellation)
    {
        var status = await ProjectionStatus.ReadAsync(store, Projections, cancellation);
        await using var session = store.QuerySession();
        var unsealed = await UnsealedEvents.CountAsync(session, status.LastEventSequence, cancellation);
        metrics.Sampled(new CaseLedgerMetrics.LagSample([.. status.Views.Select(view => (view.Name, view.Behind))], unsealed));
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await SampleAsync(stopping);
            }
            catch (Exception failure) when (!stopping.IsCancellationRequested)
            {
                metrics.Sampled(null);
                logger.LogWarning(failure, "Could not read the projections' lag; the lag gauges report nothing until a read succeeds");
            }
        }
        while (await timer.WaitForNextTickAsync(stopping));
    }
}
