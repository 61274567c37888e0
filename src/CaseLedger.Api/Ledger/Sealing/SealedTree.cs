using CaseLedger.Api.Ledger.Merkle;

namespace CaseLedger.Api.Ledger.Sealing;

/// <summary>The sealed log as its tables hold it: how many leaves, the complete subtrees on its right edge (from
/// which the next leaves grow and the root folds), and the last event sequence sealed.</summary>
public sealed record SealedTree(long Size, IReadOnlyList<byte[]> Frontier, long LastSequence)
{
    public static async Task<SealedTree> LoadAsync(IQuerySession session, CancellationToken cancellation)
    {
        var ends = await session.AdvancedSql.QueryAsync<LogEnds>(
            $"select json_build_object('size', coalesce(max(leaf_index) + 1, 0), 'lastSequence', coalesce(max(seq_id), 0)) from {LedgerTables.Leaves}",
            cancellation);
        var (size, lastSequence) = (ends[0].Size, ends[0].LastSequence);
        var wanted = MerkleProofs.RootNodes(size);
        var stored = await LedgerNodes.LoadAsync(session, wanted, cancellation);
        return new SealedTree(size, [.. wanted.Select(id => stored[id])], lastSequence);
    }

    private sealed record LogEnds(long Size, long LastSequence);
}
