using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseLedger.Api.Scores.Admin;

/// <summary>
/// Readiness fails when a view has stopped moving while events wait for it: behind the event store, and no
/// progress for longer than <c>CaseLedger:Projections:StalledAfterSeconds</c> (60 by default). A view that is
/// merely busy keeps moving and stays ready.
/// </summary>
internal sealed class ViewsMovingCheck(IDocumentStore store, IConfiguration configuration, TimeProvider clock) : IHealthCheck
{
    private readonly Dictionary<string, (long Sequence, DateTimeOffset Since)> lastSeen = [];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellation)
    {
        var stalledAfter = TimeSpan.FromSeconds(configuration.GetValue("CaseLedger:Projections:StalledAfterSeconds", 60));
        var status = await ProjectionStatus.ReadAsync(store, cancellation);
        var now = clock.GetUtcNow();
        var stalled = new List<string>();
        lock (lastSeen)
            foreach (var view in status.Views)
            {
                if (!lastSeen.TryGetValue(view.Name, out var seen) || seen.Sequence != view.Sequence)
                    lastSeen[view.Name] = seen = (view.Sequence, now);
                if (view.Behind > 0 && now - seen.Since > stalledAfter)
                    stalled.Add($"{view.Name} ({view.Behind} events behind, no progress for {(int)(now - seen.Since).TotalSeconds} s)");
            }
        return stalled.Count == 0
            ? HealthCheckResult.Healthy("views keeping up")
            : HealthCheckResult.Unhealthy("stalled: " + string.Join("; ", stalled));
    }
}
