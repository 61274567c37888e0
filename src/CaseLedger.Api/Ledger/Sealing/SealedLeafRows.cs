namespace CaseLedger.Api.Ledger.Sealing;

/// <summary>The sealed leaves as the sealer wrote them: which event (sequence, stream, version) each leaf index
/// holds, and the hash it was sealed with.</summary>
public static class SealedLeafRows
{
    public sealed record SealedLeaf(long LeafIndex, long Sequence, Guid StreamId, long Version, string LeafHash);

    public static async Task<IReadOnlyList<SealedLeaf>> OfStreamAsync(IQuerySession session, Guid streamId, CancellationToken cancellation) =>
        await QueryAsync(session, "where stream_id = ? order by leaf_index", cancellation, streamId);

    public static async Task<SealedLeaf?> AtAsync(IQuerySession session, long leafIndex, CancellationToken cancellation) =>
        (await QueryAsync(session, "where leaf_index = ?", cancellation, leafIndex)).FirstOrDefault();

    public static async Task<IReadOnlyList<SealedLeaf>> PageAsync(IQuerySession session, long fromIndex, int limit, CancellationToken cancellation) =>
        await QueryAsync(session, "where leaf_index >= ? order by leaf_index limit ?", cancellation, fromIndex, limit);

    private static Task<IReadOnlyList<SealedLeaf>> QueryAsync(IQuerySession session, string clause, CancellationToken cancellation, params object[] values) =>
        session.AdvancedSql.QueryAsync<SealedLeaf>(
            $"""
             select json_build_object('leafIndex', leaf_index, 'sequence', seq_id, 'streamId', stream_id, 'version', version,
                                      'leafHash', encode(leaf_hash, 'base64'))
               from {LedgerTables.Leaves} {clause}
             """,
            cancellation, values);
}
