using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseLedger.Api.Admin;

/// <summary>
/// Readiness fails when a view has stopped moving while events wait for it (see <see cref="StallWatch"/>); the
/// allowed pause is <c>CaseLedger:Projections:StalledAfterSeconds</c>, 60 by default.
/// </summary>
internal sealed class ViewsMovingCheck(IDocumentStore store, IConfiguration configuration, TimeProvider clock) : IHealthCheck
{
    private readonly StallWatch watch = new(TimeSpan.FromSeconds(configuration.GetValue("CaseLedger:Projections:StalledAfterSeconds", 60)));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellation)
    {
        var status = await ProjectionStatus.ReadAsync(store, cancellation);
        var stalled = watch.Observe(status.Views, clock.GetUtcNow());
        return stalled.Count == 0
            ? HealthCheckResult.Healthy("views keeping up")
            : HealthCheckResult.Unhealthy("stalled: " + string.Join("; ", stalled));
    }
}
