using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Api.Ledger.Heads;

/// <summary>
/// What an auditor or a reporting client keeps: signed tree heads, and the public keys that check them. A head
/// is <c>{treeSize, rootHash, timestamp, keyId, signature}</c>; the signature is ES256 (P-256, SHA-256, r||s) over
/// the RFC 8785 canonical JSON of the head without <c>signature</c>, so any JCS library and the key can check it.
/// </summary>
public static class HeadEndpoints
{
    public const int MaxLimit = 1000;

    public sealed record KeySet(IReadOnlyList<PublicJwk> Keys);

    [Authorize(Roles = Roles.LedgerReaders)]
    [WolverineGet("/ledger/heads/latest", OperationId = "GetLatestTreeHead")]
    [Tags(Capability.Ledger)]
    [EndpointSummary("Read the latest signed tree head")]
    [EndpointDescription("The latest signed head of the Merkle log: tree size, root hash, time and signature. 404 while nothing has been sealed yet.")]
    [ProducesResponseType<TreeHead>(200, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Latest(IQuerySession session, CancellationToken cancellation) =>
        await StoredHeads.LatestAsync(session, cancellation) is { } head
            ? Results.Ok(head)
            : Rejection.NotFound("No tree head has been signed yet: the log is empty or sealing has not caught up.").ToResult();

    [Authorize(Roles = Roles.LedgerReaders)]
    [WolverineGet("/ledger/heads", OperationId = "ListTreeHeads")]
    [Tags(Capability.Ledger)]
    [EndpointSummary("List signed tree heads")]
    [EndpointDescription("Signed heads in order of tree size, from `?after=` (a size), at most `?limit=` (100 by default). 400 for bad paging values.")]
    [ProducesResponseType<IReadOnlyList<TreeHead>>(200, "application/json")]
    [ProblemResponses(400, 401, 403)]
    // Not named After: Wolverine would take a method of that name for middleware running after every endpoint here.
    public static async Task<IResult> List(long? after, int? limit, IQuerySession session, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        errors.Require(after is null or >= 0, "after", "must be a tree size, 0 or more.");
        errors.Require(limit is null or (>= 1 and <= MaxLimit), "limit", $"must be between 1 and {MaxLimit}.");
        if (errors.ToRejection() is { } invalid) return invalid.ToResult();
        return Results.Ok(await StoredHeads.AfterAsync(session, after ?? 0, limit ?? 100, cancellation));
    }

    [Authorize(Roles = Roles.LedgerReaders)]
    [WolverineGet("/ledger/keys", OperationId = "GetLedgerKeys")]
    [Tags(Capability.Ledger)]
    [EndpointSummary("Read the ledger's public keys")]
    [EndpointDescription("The public keys (JWK) that sign tree heads, current and retired, so a signature can be checked offline.")]
    [ProducesResponseType<KeySet>(200, "application/json")]
    [ProblemResponses(401, 403)]
    public static IResult Keys(LedgerKeys keys) => Results.Ok(new KeySet(keys.PublicKeys));
}
