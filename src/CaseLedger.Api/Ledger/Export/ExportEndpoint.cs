using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Ledger.Heads;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Api.Ledger.Export;

/// <summary>
/// An inspection's ledger as one file an auditor keeps and checks offline with <c>ops/verify-ledger</c>: against
/// the latest signed head, or the head of <c>treeSize</c>; with <c>since</c>, also the consistency proof from the
/// head of that size the auditor already holds.
/// </summary>
public static class ExportEndpoint
{
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/inspections/{id}/export", OperationId = "ExportInspectionLedger")]
    [Tags(Capability.Ledger)]
    [EndpointSummary("Export an inspection's ledger")]
    [EndpointDescription("Every event of the inspection with its leaf, inclusion proof and the signed head (the latest, or that of `?treeSize=`); with `?since=`, also the consistency proof from a head the auditor already holds. Checked offline by the verifier. 400 for bad sizes; 404 outside reach, or when no head has been signed (of that size).")]
    [ProducesResponseType<ExportFile>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404)]
    public static async Task<IResult> Get(
        Guid id, long? treeSize, long? since, HttpContext http, IQuerySession session, LedgerKeys keys, CancellationToken cancellation)
    {
        if (new FieldErrors()
                .Require(treeSize is null or >= 1, "treeSize", "must be the size of a signed tree head, 1 or more.")
                .Require(since is null || (since >= 1 && (treeSize is null || since <= treeSize)), "since", "must be the size of an earlier signed tree head: from 1 to treeSize.")
                .ToRejection() is { } invalid)
            return invalid.ToResult();
        if (await InspectionReach.CheckAsync(id, http, session, cancellation) is { } hidden) return hidden.ToResult();

        var head = treeSize is { } size ? await StoredHeads.OfSizeAsync(session, size, cancellation) : await StoredHeads.LatestAsync(session, cancellation);
        if (head is null)
            return (treeSize is null
                ? Rejection.NotFound("No tree head has been signed yet: the log is empty or sealing has not caught up.")
                : Rejection.NotFound($"No tree head was signed for {treeSize} leaves; /ledger/heads lists the heads there are.")).ToResult();
        if (since > head.TreeSize)
            return new FieldErrors().Require(false, "since", $"must be at most {head.TreeSize}, the size of the head exported.").ToRejection()!.ToResult();

        var file = await ExportBuilder.BuildAsync(id, head, since, keys.PublicKeys, session, cancellation);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"inspection-{id}-ledger-{head.TreeSize}.json\"";
        return Results.Ok(file);
    }
}
