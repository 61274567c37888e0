using CaseLedger.Api.Ledger.Heads;
using CaseLedger.Api.Ledger.Merkle;
using CaseLedger.Api.Ledger.Sealing;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Api.Ledger.Export;

/// <summary>
/// Builds an inspection's export against one signed head. It reports what the tables hold and judges nothing: the
/// leaf of each stored row is recomputed from the row as it is now, each proof is built from the stored tree, and a
/// row with no sealed leaf or a sealed leaf with no row goes in as it is, so the offline verifier can name it.
/// Events after the head's tree are left for a later export; the file says how many.
/// </summary>
public static class ExportBuilder
{
    public static async Task<ExportFile> BuildAsync(
        Guid inspectionId, TreeHead head, long? since, IReadOnlyList<PublicJwk> keys, IQuerySession session, CancellationToken cancellation)
    {
        // The head's tree ends at the sequence of its last leaf; rows after that belong to a later head.
        var lastSequence = head.TreeSize == 0 ? long.MinValue
            : (await SealedLeafRows.AtAsync(session, head.TreeSize - 1, cancellation))?.Sequence ?? long.MaxValue;
        var rows = await StoredRows.LeavesAsync(session, inspectionId, cancellation);
        var inTree = rows.Where(row => row.Sequence <= lastSequence).ToList();
        var sealedLeaves = (await SealedLeafRows.OfStreamAsync(session, inspectionId, cancellation))
            .Where(leaf => leaf.LeafIndex < head.TreeSize).ToDictionary(leaf => leaf.Sequence);

        var nodes = await LedgerNodes.LoadFoundAsync(session,
            sealedLeaves.Values.SelectMany(leaf => MerkleProofs.NodesForInclusion(leaf.LeafIndex, head.TreeSize))
                .Concat(since is { } first ? MerkleProofs.NodesForConsistency(first, head.TreeSize) : []),
            cancellation);

        var leavesByRow = inTree.ToDictionary(row => row.Sequence, row => row.Leaf);
        var events = inTree.Select(row => (row.Sequence, row.StreamId, row.Version))
            .Concat(sealedLeaves.Values.Where(leaf => !leavesByRow.ContainsKey(leaf.Sequence)).Select(leaf => (leaf.Sequence, leaf.StreamId, leaf.Version)))
            .OrderBy(e => e.Sequence)
            .Select(e => sealedLeaves.TryGetValue(e.Sequence, out var leaf)
                ? new ExportedEvent(e.Sequence, e.StreamId, e.Version, leaf.LeafIndex, leaf.Hash,
                    leavesByRow.GetValueOrDefault(e.Sequence), Proof(MerkleProofs.NodesForInclusion(leaf.LeafIndex, head.TreeSize), nodes,
                        () => MerkleProofs.Inclusion(leaf.LeafIndex, head.TreeSize, nodes)))
                : new ExportedEvent(e.Sequence, e.StreamId, e.Version, null, null, leavesByRow[e.Sequence], null))
            .ToList();

        var consistency = since is { } from && Proof(MerkleProofs.NodesForConsistency(from, head.TreeSize), nodes,
            () => MerkleProofs.Consistency(from, head.TreeSize, nodes)) is { } path
            ? new ExportedConsistency(from, head.TreeSize, path)
            : null;
        return new ExportFile(ExportFile.CurrentFormat, inspectionId, head, keys, consistency, events, rows.Count - inTree.Count);
    }

    // A proof the stored tree can no longer give (a node deleted) is left out, and the verifier says so.
    private static IReadOnlyList<byte[]>? Proof(IEnumerable<NodeId> needed, IReadOnlyDictionary<NodeId, byte[]> nodes, Func<IReadOnlyList<byte[]>> build) =>
        needed.All(nodes.ContainsKey) ? build() : null;
}
