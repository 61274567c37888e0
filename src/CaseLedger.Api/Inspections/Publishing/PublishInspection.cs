using Microsoft.AspNetCore.Authorization;
using CaseLedger.Api.Infrastructure;
using Marten;
using Wolverine.Http;

namespace CaseLedger.Api.Inspections.Publishing;

/// <summary>Publication freezes the ledger: after it, every write to the inspection is a 409.</summary>
public static class PublishInspectionEndpoint
{
    public static (IReadOnlyList<object> Events, Rejection? Rejection) Decide(InspectionHeader header, Actor actor)
    {
        if ((InspectionRules.LeadOnly(header, actor, "publish it") ?? InspectionRules.Writable(header)) is { } refused)
            return ([], refused);
        if (header.OpenWeek is { } open)
            return ([], Rejection.Conflict($"Week {open} is still open; close it before publishing."));
        return ([new InspectionPublished(header.Id)], null);
    }

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/publish", OperationId = "PublishInspection")]
    public static Task<IResult> Post(Guid id, HttpContext http, IDocumentStore store, TimeProvider clock, CancellationToken cancellation) =>
        LedgerWrites.SerializedAsync(store, id, async session =>
        {
            var (header, rejection) = await HeaderWrites.ApplyAsync(id, http, session, clock, Decide, cancellation);
            return rejection?.ToResult() ?? Results.Ok(new { header!.Id, header.State, header.PublishedAt });
        }, cancellation);
}
