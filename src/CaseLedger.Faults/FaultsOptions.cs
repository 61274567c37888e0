using CaseLedger.Api.Frameworks;

namespace CaseLedger.Faults;

/// <summary>What a fault run is given by ops/faults, and the size of each scenario's load.</summary>
public sealed record FaultsOptions
{
    public required string ApiDirectory { get; init; }

    public required string PostgresBin { get; init; }

    /// <summary>Where each run's clusters live: a folder the postgres user can reach.</summary>
    public required string Work { get; init; }

    /// <summary>Where the results and every node's log go.</summary>
    public required string Output { get; init; }

    public string? SigningKeyFile { get; init; }

    public required FrameworkCatalog Frameworks { get; init; }

    public int Runs { get; init; } = 2;

    /// <summary>Writes per run, shared among the clients.</summary>
    public int Writes { get; init; } = 600;

    public int Clients { get; init; } = 4;

    /// <summary>The whole load's pace, in writes a second.</summary>
    public int Rate { get; init; } = 30;

    public IReadOnlyList<string>? Scenarios { get; init; }

    /// <summary>Keep each run's cluster folders (for looking at a failure).</summary>
    public bool Keep { get; init; }

    public int Seed { get; init; } = 2016;

    /// <summary>How long into the load a fault strikes: a third of the way through.</summary>
    public TimeSpan FaultAt => TimeSpan.FromSeconds(Writes / (double)Rate / 3);
}
