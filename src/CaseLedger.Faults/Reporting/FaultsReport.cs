using System.Text.Json.Serialization;
using CaseLedger.Faults.Scenarios;

namespace CaseLedger.Faults.Reporting;

/// <summary>Everything one ops/faults run found: each scenario run's result, and the runs that could not go on.</summary>
public sealed record FaultsReport(
    DateTimeOffset Started,
    double Seconds,
    string Commit,
    [property: JsonIgnore] FaultsOptions Options,
    IReadOnlyList<ScenarioResult> Results,
    IReadOnlyList<string> Failures)
{
    public object Load => new { Options.Runs, Options.Writes, Options.Clients, WritesPerSecond = Options.Rate, FaultAtSeconds = Options.FaultAt.TotalSeconds };
}
