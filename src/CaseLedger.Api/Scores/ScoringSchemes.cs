using System.Collections.Concurrent;
using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Scores;

/// <summary>One compiled scheme per framework version, built on first use and shared by every view and request.</summary>
public sealed class ScoringSchemes(FrameworkCatalog catalog)
{
    private readonly ConcurrentDictionary<(string, int), ScoringScheme> schemes = new();

    /// <summary>The framework an inspection pins, for what its scheme does not carry (its rating rules).</summary>
    public Framework Framework(string frameworkId, int version) =>
        catalog.Find(frameworkId, version) ?? throw new InvalidOperationException($"Framework {frameworkId} v{version} is not loaded, but an inspection pins it.");

    public ScoringScheme For(string frameworkId, int version) =>
        schemes.GetOrAdd((frameworkId, version), key => ScoringScheme.From(
            catalog.Find(key.Item1, key.Item2)
            ?? throw new InvalidOperationException($"Framework {key.Item1} v{key.Item2} is not loaded, but an inspection pins it.")));
}
