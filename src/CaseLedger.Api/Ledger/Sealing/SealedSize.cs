namespace CaseLedger.Api.Ledger.Sealing;

/// <summary>How many leaves the log has sealed: the largest tree a proof can be asked of.</summary>
public static class SealedSize
{
    public static async Task<long> ReadAsync(IQuerySession session, CancellationToken cancellation) =>
        (await session.AdvancedSql.QueryAsync<long>($"select coalesce(max(leaf_index) + 1, 0) from {LedgerTables.Leaves}", cancellation))[0];
}
