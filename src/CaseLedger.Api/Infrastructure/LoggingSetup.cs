using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace CaseLedger.Api.Infrastructure;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog for the whole host: readable console lines in Development, compact JSON elsewhere so that a log
    /// shipper can index every structured property. Levels can be overridden under "Serilog" in configuration.
    /// Whatever a client sent reaches a line escaped (<see cref="LogValueEscaping"/>).
    /// </summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Wolverine", LogEventLevel.Warning)
                // Wolverine serves only HTTP here and handles no messages yet, so its discovery warns "found no
                // handlers" at every start, a warning an operator can do nothing about. Its errors still show.
                .MinimumLevel.Override("Wolverine.Configuration.HandlerDiscovery", LogEventLevel.Error)
                .MinimumLevel.Override("Marten", LogEventLevel.Warning)
                .MinimumLevel.Override("JasperFx", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<LogValueEscaping>();

            // Compact JSON escapes control characters itself; the Development line needs its own formatter.
            if (development)
                logger.WriteTo.Console(new DevelopmentLogFormatter());
            else
                logger.WriteTo.Console(new CompactJsonFormatter());
        });
        return builder;
    }

    /// <summary>One line per request: method, path, status, elapsed time, correlation id and user.</summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate =
                "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("CorrelationId", http.CorrelationId());
                diagnostics.Set("User", http.User.Identity?.Name ?? "anonymous");
            };
            // Health probes, metrics scrapes and the demo loader's own requests (correlation ids "demo-...") would
            // drown the log.
            options.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : Telemetry.TelemetrySetup.IsProbeOrScrape(http.Request.Path) ? LogEventLevel.Verbose
                : http.CorrelationId().StartsWith("demo-", StringComparison.Ordinal) ? LogEventLevel.Debug
                : LogEventLevel.Information;
        });
        return app;
    }
}
