using JasperFx.Events.Daemon;

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
    [EndpointDescription("Rebuilds every view from the events, or the one named by `?name=`, and returns what each rebuild processed. The three views of one inspection (`inspection-scores`, `moderation-log`, `qa-record`) are one projection and rebuild together, whichever is named. 400 for an unknown view name; 409 when an event cannot be read as its type (a row edited in the database), naming its sequence.")]
    [ProducesResponseType<IReadOnlyList<ViewRebuilder.Rebuilt>>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 409)]
    public static async Task<IResult> Rebuild(string? name, ViewRebuilder rebuilder, CancellationToken cancellation)
    {
        if (name is not null && !ProjectionStatus.Names.Contains(name))
            return Rejection.Invalid("name", $"'{name}' is not one of {string.Join(", ", ProjectionStatus.Names)}.").ToResult();
        try
        {
            return Results.Ok(await rebuilder.RebuildAsync(name is null ? ProjectionStatus.Names : [name], cancellation));
        }
        // Only an edit in the database stores an event that cannot be read as its type; the rebuild cannot get past
        // it (the live daemon skips it), and the operator needs to know which and where to look, not a bare 500.
        catch (EventLoaderException failed) when (failed.InnerException is Marten.Exceptions.EventDeserializationFailureException unreadable)
        {
            return Rejection.Conflict($"The rebuild stopped: {unreadable.Message}. Only an edit in the database stores an event that cannot be read; GET /ledger/verify names the row. The views go on applying new events.").ToResult();
        }
    }
}
