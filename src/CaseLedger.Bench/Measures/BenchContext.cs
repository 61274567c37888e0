using CaseLedger.Api.Frameworks;
using Npgsql;

namespace CaseLedger.Bench.Measures;

/// <summary>Everything a measure works with: the API as a client sees it, the same database raw, and the dataset.</summary>
public sealed class BenchContext
{
    public required ApiClient Api { get; init; }
    public required RawStore Raw { get; init; }

    /// <summary>The product's database, for the raw baselines that read what the product stored.</summary>
    public required NpgsqlDataSource Product { get; init; }

    public required FrameworkCatalog Frameworks { get; init; }
    public required BenchOptions Options { get; init; }
    public required Action<string> Log { get; init; }

    /// <summary>The process the API runs in, watched for its memory.</summary>
    public required ApiProcess ApiProcess { get; init; }

    /// <summary>What started the API, for a measure that must restart it with other settings; none when the API
    /// is not this run's own (the tests' host).</summary>
    public ApiLauncher? Launcher { get; init; }

    /// <summary>Filled by the bulk-recording measure, which loads the dataset; the later measures read it.</summary>
    public LoadedDataset? Loaded { get; set; }

    public NationalDataset Dataset => new(Frameworks, Options.Seed);

    public LoadedDataset RequireLoaded() =>
        Loaded ?? throw new InvalidOperationException("The dataset is not loaded: the bulk-recording measure runs first.");
}
