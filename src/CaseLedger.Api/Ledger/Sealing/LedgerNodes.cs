using CaseLedger.Api.Ledger.Merkle;

namespace CaseLedger.Api.Ledger.Sealing;

/// <summary>Stored subtree hashes by their ids, in one round trip whatever the number asked for (a proof at five
/// million leaves needs a few dozen).</summary>
public static class LedgerNodes
{
    public static async Task<IReadOnlyDictionary<NodeId, byte[]>> LoadAsync(
        IQuerySession session, IEnumerable<NodeId> ids, CancellationToken cancellation)
    {
        var wanted = ids.Distinct().ToList();
        var found = await LoadFoundAsync(session, wanted, cancellation);
        var missing = wanted.FirstOrDefault(id => !found.ContainsKey(id));
        return found.Count == wanted.Count
            ? found
            : throw new InvalidOperationException($"The sealed log has no node {missing}: its tables were changed or are incomplete.");
    }

    /// <summary>Those of <paramref name="ids"/> the tables hold, for a reader that reports what is missing itself.</summary>
    public static async Task<IReadOnlyDictionary<NodeId, byte[]>> LoadFoundAsync(
        IQuerySession session, IEnumerable<NodeId> ids, CancellationToken cancellation)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<NodeId, byte[]>();
        var rows = await session.AdvancedSql.QueryAsync<StoredNode>(
            $"""
             select json_build_object('level', n.level, 'index', n.idx, 'hash', encode(n.hash, 'base64'))
               from unnest(?, ?) as wanted(level, idx)
               join {LedgerTables.Nodes} n on n.level = wanted.level and n.idx = wanted.idx
             """,
            cancellation, wanted.Select(id => id.Level).ToArray(), wanted.Select(id => id.Index).ToArray());
        return rows.ToDictionary(row => new NodeId(row.Level, row.Index), row => Convert.FromBase64String(row.Hash));
    }

    private sealed record StoredNode(int Level, long Index, string Hash);
}
