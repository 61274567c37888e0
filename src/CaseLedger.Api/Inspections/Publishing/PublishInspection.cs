using Microsoft.AspNetCore.Authorization;
using CaseLedger.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseLedger.Api.Inspections.Publishing;

/// <summary>Publication freezes the ledger: after it, every write to the inspection is a 409.</summary>
public static class PublishInspectionEndpoint
{
    public sealed record Published(Guid Id, string State, DateTimeOffset? PublishedAt);

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
    [ProducesResponseType<Published>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static Task<IResult> Post(Guid id, HttpContext http, IDocumentStore store, TimeProvider clock, CancellationToken cancellation) =>
        LedgerWrites.WithRetryAsync(store, async session =>
        {
            var (header, rejection) = await HeaderWrites.ApplyAsync(id, http, session, clock, Decide, cancellation);
            return rejection?.ToResult() ?? Results.Ok(new Published(header!.Id, header.State, header.PublishedAt));
        }, cancellation);
}
