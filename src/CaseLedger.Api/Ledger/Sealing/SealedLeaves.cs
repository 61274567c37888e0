namespace CaseLedger.Api.Ledger.Sealing;

/// <summary>Where events stand in the sealed log: each one's leaf index and leaf hash, by its global sequence.
/// An event not sealed yet (sealing runs a moment behind commit) has none.</summary>
public static class SealedLeaves
{
    public sealed record Leaf(long Sequence, long LeafIndex, string LeafHash);

    public static async Task<IReadOnlyDictionary<long, Leaf>> ForSequencesAsync(
        IQuerySession session, IReadOnlyCollection<long> sequences, CancellationToken cancellation)
    {
        if (sequences.Count == 0) return new Dictionary<long, Leaf>();
        var rows = await session.AdvancedSql.QueryAsync<Leaf>(
            $"select json_build_object('sequence', seq_id, 'leafIndex', leaf_index, 'leafHash', encode(leaf_hash, 'base64')) from {LedgerTables.Leaves} where seq_id = any(?)",
            cancellation, sequences.ToArray());
        return rows.ToDictionary(leaf => leaf.Sequence);
    }
}
