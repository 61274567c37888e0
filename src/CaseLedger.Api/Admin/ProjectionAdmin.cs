
namespace CaseLedger.Api.Admin;

/// <summary>
/// Views can be rebuilt from the events at any time: here, or from the command line with
/// <c>dotnet CaseLedger.Api.dll projections rebuild</c>. A rebuild gives the same documents as the live views:
/// every value in them comes from the events.
/// </summary>
public static class ProjectionAdmin
{
    [Authorize(Roles = Roles.Admin + "," + Roles.Auditor)]
    [WolverineGet("/admin/projections", OperationId = "GetProjectionStatus")]
    [Tags(Capability.Administration)]
    [EndpointSummary("Read the views' status")]
    [EndpointDescription("The event store's high-water mark and last event sequence, and for each view (async projection) the sequence it has reached and how many events it is behind; while a view is being rebuilt on this node, `rebuilding` gives when it started, events per second so far and the seconds left at that rate.")]
    public static Task<ProjectionStatus> Status(IDocumentStore store, RebuildProgress rebuilds, CancellationToken cancellation) =>
        ProjectionStatus.ReadAsync(store, cancellation, rebuilds);

    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/admin/projections/rebuild", OperationId = "RebuildProjections")]
    [Tags(Capability.Administration)]
    [EndpointSummary("Rebuild views")]
    [EndpointDescription("Rebuilds every view from the events, or the one named by `?name=`, and returns what each rebuild processed. The three views of one inspection (`inspection-scores`, `moderation-log`, `qa-record`) are one projection and rebuild together, whichever is named. 400 for an unknown view name.")]
    [ProducesResponseType<IReadOnlyList<ViewRebuilder.Rebuilt>>(200, "application/json")]
    [ProblemResponses(400, 401, 403)]
    public static async Task<IResult> Rebuild(string? name, ViewRebuilder rebuilder, CancellationToken cancellation)
    {
        if (name is not null && !ProjectionStatus.Names.Contains(name))
            return Rejection.Invalid("name", $"'{name}' is not one of {string.Join(", ", ProjectionStatus.Names)}.").ToResult();
        return Results.Ok(await rebuilder.RebuildAsync(name is null ? ProjectionStatus.Names : [name], cancellation));
    }
}
