using Npgsql;

namespace CaseLedger.Api.Infrastructure;

/// <summary>PostgreSQL's transaction-scoped advisory locks, keyed by text: every node agrees on them, and they
/// are let go when the transaction ends, however it ends.</summary>
public static class AdvisoryLocks
{
    /// <summary>Begins the session's transaction if it has none and waits for the lock on <paramref name="key"/>.</summary>
    public static async Task TakeAsync(this IDocumentSession session, string key, CancellationToken cancellation)
    {
        await session.BeginTransactionAsync(cancellation);
        await using var command = ((NpgsqlConnection)session.Connection!).CreateCommand();
        command.CommandText = "select pg_advisory_xact_lock(hashtextextended(@key, 0))";
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
