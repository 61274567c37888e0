namespace CaseLedger.Faults.Scenarios;

/// <summary>What a run reads from its database while a fault plays out: where each view stands and which node runs
/// it, and which node holds the daemon's locks.</summary>
public static class ClusterReads
{
    /// <summary>
    /// Each async view's position (the least of its shards'; the daemon's own bookkeeping rows, HighWater*, name no
    /// shard) and the Wolverine node number that runs it, read from
    /// Wolverine's own assignments (an agent's URI names its projection) joined to its node table. Solo nodes run
    /// the daemon themselves and are assigned no agent: their views have no node here.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, (long Sequence, int? Node)>> ViewsAsync(this FaultRun run, CancellationToken cancellation)
    {
        await using var database = run.OpenDatabase();
        await using var command = database.CreateCommand("""
            select v.view, v.sequence,
                   (select n.node_number from caseledger.wolverine_node_assignments a
                      join caseledger.wolverine_nodes n on n.id = a.node_id
                     where a.id like '%/' || lower(v.view) || '%' limit 1)
              from (select split_part(name, ':', 1) as view, min(coalesce(last_seq_id, 0)) as sequence
                      from caseledger.mt_event_progression where name like '%:%' group by 1) v
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var views = new Dictionary<string, (long, int?)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellation))
            views[reader.GetString(0)] = (reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt32(2));
        return views;
    }

    /// <summary>How many advisory locks each node's connections hold, by the application name each node connects as.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> AdvisoryLockHoldersAsync(this FaultRun run, CancellationToken cancellation)
    {
        await using var database = run.OpenDatabase();
        await using var command = database.CreateCommand("""
            select a.application_name, count(*)::int from pg_locks l join pg_stat_activity a on a.pid = l.pid
             where l.locktype = 'advisory' and l.granted group by 1 order by 1
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var holders = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellation)) holders[reader.GetString(0)] = reader.GetInt32(1);
        return holders;
    }
}
