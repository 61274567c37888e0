namespace CaseLedger.Api.Telemetry;

/// <summary>
/// Which signals go to an OpenTelemetry collector: those the standard settings name an endpoint for, the shared
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or a signal's own (<c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>,
/// <c>..._METRICS_ENDPOINT</c>). The exporter reads the endpoint, protocol and headers itself; this only decides
/// whether to add it, so a host with none configured never tries to reach a collector that is not there.
/// </summary>
public sealed record OtlpExport(bool Traces, bool Metrics)
{
    private const string Endpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static OtlpExport From(IConfiguration configuration)
    {
        var shared = Named(configuration, Endpoint);
        return new OtlpExport(
            shared || Named(configuration, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
            shared || Named(configuration, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"));
    }

    private static bool Named(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
