using System.Diagnostics.Metrics;

namespace CaseLedger.Tests.Telemetry;

/// <summary>
/// The API host's meters, each tagged as the API's. Its OpenTelemetry listens to meters by name, and ASP.NET Core's
/// meters have the same names in every web host a test starts beside it (a webhook receiver, a bare Kestrel, the
/// bench's receiver): untagged, their requests would join the API's figures, and disposing one would end the
/// API's metric of that name for the rest of the run (open-telemetry/opentelemetry-dotnet#6412). A meter's tags
/// keep its figures apart from another's of the same name.
/// </summary>
public sealed class ApiHostMeters : IMeterFactory
{
    private readonly List<Meter> created = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name)
        {
            Version = options.Version,
            Tags = [.. options.Tags ?? [], new("caseledger.test.host", "api")],
            Scope = this,
        });
        lock (created) created.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        lock (created) created.ForEach(meter => meter.Dispose());
    }
}
