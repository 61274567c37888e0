namespace CaseLedger.Api.Frameworks;

/// <summary>
/// Every framework version the service knows. An inspection pins a framework id and version, so old versions
/// stay here for as long as any inspection might use them; a new one never replaces them.
/// </summary>
public sealed class FrameworkCatalog
{
    private readonly Dictionary<(string Id, int Version), Framework> byIdAndVersion;

    public FrameworkCatalog(IEnumerable<Framework> frameworks)
    {
        All = [.. frameworks.OrderBy(framework => framework.Id, StringComparer.Ordinal).ThenBy(framework => framework.Version)];
        byIdAndVersion = All.ToDictionary(framework => (framework.Id, framework.Version));
    }

    /// <summary>Ordered by id, then version.</summary>
    public IReadOnlyList<Framework> All { get; }

    public Framework? Find(string id, int version) => byIdAndVersion.GetValueOrDefault((id, version));

    public Framework? Latest(string id) => All.LastOrDefault(framework => framework.Id == id);

    /// <summary>The given version, or the latest when none is given (what <c>GET /frameworks/{id}</c> serves).</summary>
    public Framework? Resolve(string id, int? version) => version is { } pinned ? Find(id, pinned) : Latest(id);
}
