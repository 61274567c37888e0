using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CaseLedger.Api.Telemetry;

/// <summary>
/// OpenTelemetry for the host: the traces and metrics ASP.NET Core, HttpClient (webhook attempts), Npgsql, Marten
/// and Wolverine already emit, and <see cref="CaseLedgerMetrics"/>. Metrics are always served for Prometheus at
/// <see cref="ScrapePath"/>, to administrators only (see <see cref="MapTelemetry"/>). Both are sent over OTLP
/// only when the standard <c>OTEL_EXPORTER_OTLP_*</c> settings name a collector (<see cref="OtlpExport"/>), so
/// tests and <c>ops/run</c> need none; traces are not even recorded without one.
/// </summary>
public static class TelemetrySetup
{
    public const string ScrapePath = "/metrics";
    public const string ServiceName = "caseledger-api";
    private static readonly string[] Sources = ["Marten", "Wolverine"];
    // Wolverine names its meter after the service ("Wolverine:CaseLedger.Api"), though not its ActivitySource.
    private static readonly string[] Meters = ["Marten", "Wolverine*"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CaseLedgerMetrics>();
        builder.Services.AddSingleton<LagSampler>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<LagSampler>());

        var otlp = OtlpExport.From(builder.Configuration);
        var telemetry = builder.Services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES still win: the SDK reads them over this default.
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(Meters)
                    .AddMeter(CaseLedgerMetrics.MeterName)
                    // Every scrape collects afresh: the costly figures are sampled on a timer anyway, and a cached
                    // answer would hide an attempt made a moment ago.
                    .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp.Metrics) metrics.AddOtlpExporter();
            });
        if (otlp.Traces)
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !IsProbeOrScrape(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(Sources)
                .AddOtlpExporter());
        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, for the <c>admin</c> role's bearer token through the same
    /// authentication as every other route: one port and one set of ingress rules, and no second listener whose
    /// safety rests on a network rule alone. Prometheus sends the token itself (README, "What an operator watches").</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(ScrapePath).RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        return app;
    }

    /// <summary>Health probes and scrapes come every few seconds and say nothing about the API's work: traced, they
    /// would drown the traces that do.</summary>
    public static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(ScrapePath);
}
