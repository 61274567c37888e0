namespace CaseLedger.Api.Ledger.Sealing;

/// <summary>
/// How many events no signed tree head covers yet: the events after the last leaf of the largest signed head.
/// Until then an event is open to an edit no check would see, so this is the figure an operator watches for the
/// ledger's promise. Counted in sequence numbers, as the views' lag is, so a rolled-back transaction's gap counts
/// until a later event passes it.
/// </summary>
public static class UnsealedEvents
{
    public static async Task<long> CountAsync(IQuerySession session, long lastEventSequence, CancellationToken cancellation)
    {
        var signedThrough = (await session.AdvancedSql.QueryAsync<long>(
            $"""
             select coalesce((select leaf.seq_id from {LedgerTables.Leaves} leaf
                               where leaf.leaf_index = (select max(tree_size) - 1 from {LedgerTables.Heads})), 0)
             """,
            cancellation))[0];
        return Math.Max(0, lastEventSequence - signedThrough);
    }
}
