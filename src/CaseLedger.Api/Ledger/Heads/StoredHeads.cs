using CaseLedger.Api.Ledger.Sealing;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Api.Ledger.Heads;

/// <summary>The signed tree heads the sealer has written, read back exactly as they were signed.</summary>
public static class StoredHeads
{
    public static async Task<TreeHead?> LatestAsync(IQuerySession session, CancellationToken cancellation) =>
        (await QueryAsync(session, "order by tree_size desc limit 1", cancellation)).FirstOrDefault();

    /// <summary>Heads of trees larger than <paramref name="afterSize"/>, smallest first.</summary>
    public static Task<IReadOnlyList<TreeHead>> AfterAsync(IQuerySession session, long afterSize, int limit, CancellationToken cancellation) =>
        QueryAsync(session, "where tree_size > ? order by tree_size limit ?", cancellation, afterSize, limit);

    /// <summary>The head signed for a tree of exactly <paramref name="treeSize"/> leaves, if one was.</summary>
    public static async Task<TreeHead?> OfSizeAsync(IQuerySession session, long treeSize, CancellationToken cancellation) =>
        (await QueryAsync(session, "where tree_size = ?", cancellation, treeSize)).FirstOrDefault();

    /// <summary>The smallest head whose tree holds leaf <paramref name="leafIndex"/>: the first that covers it.</summary>
    public static async Task<TreeHead?> CoveringAsync(IQuerySession session, long leafIndex, CancellationToken cancellation) =>
        (await QueryAsync(session, "where tree_size > ? order by tree_size limit 1", cancellation, leafIndex)).FirstOrDefault();

    private static async Task<IReadOnlyList<TreeHead>> QueryAsync(IQuerySession session, string clause, CancellationToken cancellation, params object[] values)
    {
        var rows = await session.AdvancedSql.QueryAsync<HeadRow>(
            $"""
             select json_build_object('treeSize', tree_size, 'rootHash', encode(root_hash, 'base64'), 'signedAtMicroseconds', (extract(epoch from signed_at) * 1000000)::bigint,
                                      'keyId', key_id, 'signature', encode(signature, 'base64'))
               from {LedgerTables.Heads} {clause}
             """,
            cancellation, values);
        return [.. rows.Select(row => new TreeHead(row.TreeSize, Convert.FromBase64String(row.RootHash), DateTimeOffset.UnixEpoch.AddTicks(row.SignedAtMicroseconds * TimeSpan.TicksPerMicrosecond),
            row.KeyId, Convert.FromBase64String(row.Signature)))];
    }

    private sealed record HeadRow(long TreeSize, string RootHash, long SignedAtMicroseconds, string KeyId, string Signature);
}
