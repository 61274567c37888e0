
namespace CaseLedger.Api.Frameworks;

/// <summary>The frameworks CaseLedger knows, readable by every role: they hold no case data.</summary>
public static class FrameworkEndpoints
{
    public sealed record FrameworkListItem(
        string Id, int Version, string Name, string Source, int Sections, int Criteria, int Questions,
        IReadOnlyList<HeadlineTheme> Themes, IReadOnlyList<int> Versions);

    [WolverineGet("/frameworks", OperationId = "ListFrameworks")]
    [Tags(Capability.Frameworks)]
    [EndpointSummary("List the frameworks")]
    [EndpointDescription("Every framework CaseLedger knows, at its latest version, with its counts of sections, criteria and questions, its headline themes and the versions held.")]
    public static IReadOnlyList<FrameworkListItem> List(FrameworkCatalog catalog) =>
    [
        .. catalog.All.GroupBy(framework => framework.Id).Select(versions =>
        {
            var latest = versions.Last();
            var criteria = latest.Sections.SelectMany(section => section.Criteria).ToList();
            return new FrameworkListItem(latest.Id, latest.Version, latest.Name, latest.Source, latest.Sections.Count,
                criteria.Count, criteria.Sum(criterion => criterion.Questions.Count), latest.Themes,
                [.. versions.Select(framework => framework.Version)]);
        }),
    ];

    /// <summary>One framework whole: the latest version, or the one asked for with <c>?version=</c>.</summary>
    [WolverineGet("/frameworks/{id}", OperationId = "GetFramework")]
    [Tags(Capability.Frameworks)]
    [EndpointSummary("Read one framework")]
    [EndpointDescription("One framework whole (sections, criteria, questions, themes, banding), at its latest version or the one asked for with `?version=`. 404 when no such framework or version is known.")]
    [ProducesResponseType<Framework>(200, "application/json")]
    [ProblemResponses(401, 404)]
    public static IResult Get(string id, int? version, FrameworkCatalog catalog) =>
        catalog.Resolve(id, version) is { } framework
            ? Results.Ok(framework)
            : Rejection.NotFound(version is null ? $"No framework '{id}'." : $"No framework '{id}' version {version}.").ToResult();
}
