using Npgsql;

namespace CaseLedger.Api.Ledger.Sealing;

/// <summary>The sealed leaves as the sealer wrote them: which event (sequence, stream, version) each leaf index
/// holds, and the hash it was sealed with.</summary>
public static class SealedLeafRows
{
    public sealed record SealedLeaf(long LeafIndex, long Sequence, Guid StreamId, long Version, byte[] Hash)
    {
        /// <summary>The hash as the API shows it.</summary>
        public string LeafHash => Convert.ToBase64String(Hash);
    }

    /// <summary>A stream's leaves in the order they were sealed, which is their events' global sequence unless the
    /// ledger was edited (the stream's index gives this order without a sort).</summary>
    public static async Task<IReadOnlyList<SealedLeaf>> OfStreamAsync(IQuerySession session, Guid streamId, CancellationToken cancellation) =>
        await QueryAsync(session, "where stream_id = $1 order by leaf_index", cancellation, streamId);

    public static async Task<SealedLeaf?> AtAsync(IQuerySession session, long leafIndex, CancellationToken cancellation) =>
        (await QueryAsync(session, "where leaf_index = $1", cancellation, leafIndex)).FirstOrDefault();

    public static async Task<IReadOnlyList<SealedLeaf>> PageAsync(IQuerySession session, long fromIndex, int limit, CancellationToken cancellation) =>
        await QueryAsync(session, "where leaf_index >= $1 order by leaf_index limit $2", cancellation, fromIndex, limit);

    // Column by column: a check reads a leaf for every event of an inspection, and a JSON object around each row
    // cost more than the row.
    private static async Task<IReadOnlyList<SealedLeaf>> QueryAsync(IQuerySession session, string clause, CancellationToken cancellation, params object[] values)
    {
        await using var command = new NpgsqlCommand($"select leaf_index, seq_id, stream_id, version, leaf_hash from {LedgerTables.Leaves} {clause}");
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var leaves = new List<SealedLeaf>();
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        while (await reader.ReadAsync(cancellation))
            leaves.Add(new SealedLeaf(reader.GetInt64(0), reader.GetInt64(1), reader.GetGuid(2), reader.GetInt64(3),
                reader.GetFieldValue<byte[]>(4)));
        return leaves;
    }
}
