using System.Text.Json;
using System.Text.RegularExpressions;
using CaseLedger.Api.Frameworks;
using CaseLedger.Client;
using CaseLedger.Bench.Dataset;
using CaseLedger.Bench.Raw;
using Npgsql;

namespace CaseLedger.Bench.Measures;

/// <summary>Everything a measure works with: the API as a client sees it, the same database raw, and the dataset.</summary>
public sealed partial class BenchContext
{
    public required ApiClient Api { get; init; }
    public required RawStore Raw { get; init; }

    /// <summary>The product's database, for the raw baselines that read what the product stored.</summary>
    public required NpgsqlDataSource Product { get; init; }

    public required FrameworkCatalog Frameworks { get; init; }
    public required BenchOptions Options { get; init; }
    public required Action<string> Log { get; init; }

    /// <summary>The API's process when it runs beside the benchmark (not in the in-process test host).</summary>
    public ApiProcess? ApiProcess { get; init; }

    /// <summary>Filled by the bulk-recording measure, which loads the dataset; the later measures read it.</summary>
    public LoadedDataset? Loaded { get; set; }

    public NationalDataset Dataset => new(Frameworks, Options.Seed);

    public LoadedDataset RequireLoaded() =>
        Loaded ?? throw new InvalidOperationException("The dataset is not loaded: the bulk-recording measure runs first.");

    private IReadOnlySet<string>? apiPaths;

    /// <summary>
    /// The path templates the API's OpenAPI document lists, with parameter names blanked (<c>/inspections/{}/scores</c>):
    /// how a measure learns whether this build has its endpoint.
    /// </summary>
    public async Task<bool> HasEndpointAsync(string template, CancellationToken cancellation)
    {
        if (apiPaths is null)
        {
            using var response = await Api.Http.GetAsync("/openapi/v1.json", cancellation);
            response.EnsureSuccessStatusCode();
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellation), cancellationToken: cancellation);
            apiPaths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => Blank(path.Name)).ToHashSet(StringComparer.Ordinal);
        }
        return apiPaths.Contains(Blank(template));
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    private static string Blank(string template) => Parameter().Replace(template, "{}");
}
