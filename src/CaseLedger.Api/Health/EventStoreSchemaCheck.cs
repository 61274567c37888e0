using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseLedger.Api.Health;

/// <summary>Ready means: PostgreSQL answers, and every table, function and index this build expects is there.</summary>
internal sealed class EventStoreSchemaCheck(IDocumentStore store, ILogger<EventStoreSchemaCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellation)
    {
        try
        {
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(cancellation);
            return HealthCheckResult.Healthy("database reachable, schema current");
        }
        catch (Exception exception)
        {
            // The reason stays in the log: a health endpoint is public and must not describe the database.
            logger.LogWarning(exception, "Event store is not ready");
            return HealthCheckResult.Unhealthy("database unreachable or schema out of date");
        }
    }
}
