using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseLedger.Api.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";
    public const string FailedCheck = "the check failed; the reason is in the server log";

    public static IServiceCollection AddReadinessChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<EventStoreSchemaCheck>("event-store", tags: [ReadyTag])
            .AddCheck<Admin.ViewsMovingCheck>("views", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// <c>/health/live</c> answers while the process can serve at all (no dependency is checked, so a database
    /// outage does not get the process restarted); <c>/health/ready</c> answers 200 only when the database is
    /// reachable and its schema matches this build, so a load balancer sends traffic only to nodes that can serve it.
    /// </summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteJson,
        }).ExcludeFromDescription().AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteJson,
        }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The health endpoints are public, so a check that failed with an exception says only that it failed: the
    /// exception's message can name the database's address or worse, and stays in the log.
    /// </summary>
    public static Task WriteJson(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    description = entry.Value.Exception is null ? entry.Value.Description : FailedCheck,
                }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, JsonSerializerOptions.Web);
    }
}
