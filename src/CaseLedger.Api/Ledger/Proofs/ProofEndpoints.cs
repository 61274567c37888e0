using CaseLedger.Api.Ledger.Merkle;
using CaseLedger.Api.Ledger.Sealing;

namespace CaseLedger.Api.Ledger.Proofs;

/// <summary>
/// RFC 9162 proofs over the sealed log, for anyone holding a signed head: that a leaf is in the tree of a given
/// size (§2.1.3), and that a tree of one size is a prefix of a larger one (§2.1.4). Hashes are base64. Each proof is
/// one keyed lookup of a few dozen stored subtree hashes, whatever the size of the log.
/// </summary>
public static class ProofEndpoints
{
    public sealed record InclusionProof(long LeafIndex, long TreeSize, string LeafHash, IReadOnlyList<string> Path);

    public sealed record ConsistencyProof(long First, long Second, IReadOnlyList<string> Path);

    [Authorize(Roles = Roles.LedgerReaders)]
    [WolverineGet("/ledger/proofs/inclusion", OperationId = "GetInclusionProof")]
    [Tags(Capability.Ledger)]
    [EndpointSummary("Prove a leaf is in the log")]
    [EndpointDescription("The audit path proving leaf `leafIndex` is in the tree of size `treeSize` (RFC 9162). 400 when `treeSize` is not from 1 to the leaves sealed so far, or `leafIndex` is not a leaf of that tree.")]
    [ProducesResponseType<InclusionProof>(200, "application/json")]
    [ProblemResponses(400, 401, 403)]
    public static async Task<IResult> Inclusion(long? leafIndex, long? treeSize, IQuerySession session, CancellationToken cancellation)
    {
        var sealedSize = await SealedSize.ReadAsync(session, cancellation);
        if (new FieldErrors()
                .Require(treeSize is >= 1 && treeSize <= sealedSize, "treeSize", SizeRule(sealedSize))
                .Require(leafIndex is >= 0 && (treeSize is null || leafIndex < treeSize), "leafIndex", "must be a leaf of that tree: 0 or more, and less than treeSize.")
                .ToRejection() is { } invalid)
            return invalid.ToResult();

        var (index, size, leaf) = (leafIndex!.Value, treeSize!.Value, new NodeId(0, leafIndex.Value));
        var nodes = await LedgerNodes.LoadAsync(session, MerkleProofs.NodesForInclusion(index, size).Append(leaf), cancellation);
        return Results.Ok(new InclusionProof(index, size, Convert.ToBase64String(nodes[leaf]), Base64(MerkleProofs.Inclusion(index, size, nodes))));
    }

    [Authorize(Roles = Roles.LedgerReaders)]
    [WolverineGet("/ledger/proofs/consistency", OperationId = "GetConsistencyProof")]
    [Tags(Capability.Ledger)]
    [EndpointSummary("Prove the log only grew")]
    [EndpointDescription("The consistency proof between the trees of sizes `first` and `second` (RFC 9162): the later tree extends the earlier one. 400 when `second` is not from 1 to the leaves sealed so far, or `first` is not from 1 to `second`.")]
    [ProducesResponseType<ConsistencyProof>(200, "application/json")]
    [ProblemResponses(400, 401, 403)]
    public static async Task<IResult> Consistency(long? first, long? second, IQuerySession session, CancellationToken cancellation)
    {
        var sealedSize = await SealedSize.ReadAsync(session, cancellation);
        if (new FieldErrors()
                .Require(second is >= 1 && second <= sealedSize, "second", SizeRule(sealedSize))
                .Require(first is >= 1 && (second is null || first <= second), "first", "must be a tree size from 1 to second.")
                .ToRejection() is { } invalid)
            return invalid.ToResult();

        var (from, to) = (first!.Value, second!.Value);
        var nodes = await LedgerNodes.LoadAsync(session, MerkleProofs.NodesForConsistency(from, to), cancellation);
        return Results.Ok(new ConsistencyProof(from, to, Base64(MerkleProofs.Consistency(from, to, nodes))));
    }

    private static string SizeRule(long sealedSize) => $"must be a tree size from 1 to {sealedSize}, the leaves sealed so far.";

    private static List<string> Base64(IEnumerable<byte[]> hashes) => [.. hashes.Select(Convert.ToBase64String)];
}
