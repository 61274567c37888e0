using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.ThemeViews;
using Npgsql;

namespace CaseLedger.Api.Admin;

/// <summary>
/// A database from before the theme view kept an entry per inspection holds one document per theme, keyed
/// <c>{frameworkId}/{themeId}</c>, and the projection's progress at the ledger's end, so no entry would ever be
/// written and the view would stay empty. Before the daemon starts, this forgets those documents and that progress,
/// so the daemon writes every entry from the first event (the projection reads only openings, publications and
/// corrections) while reads fold what it has not reached. It acts only in that state: entries' keys have three parts.
/// </summary>
public sealed class ThemeEntriesUpgrade(string connectionString) : IHostedService
{
    /// <summary>Marten's table for <see cref="ThemeTimeline"/>.</summary>
    public const string Table = EventStoreSetup.Schema + ".mt_doc_themetimeline";

    public Task StartAsync(CancellationToken cancellationToken) => ForgetWholeThemeDocumentsAsync(connectionString, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deletes the theme views and their progress when any document is a whole theme's; how many documents
    /// it deleted.</summary>
    public static async Task<int> ForgetWholeThemeDocumentsAsync(string connectionString, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using (var exists = new NpgsqlCommand($"select to_regclass('{Table}') is not null", connection))
            if (await exists.ExecuteScalarAsync(cancellation) is not true) return 0;

        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var forget = new NpgsqlCommand($"delete from {Table} where exists (select 1 from {Table} where id not like '%/%/%')", connection, transaction);
        var forgotten = await forget.ExecuteNonQueryAsync(cancellation);
        if (forgotten > 0)
        {
            await using var progress = new NpgsqlCommand(
                $"delete from {EventStoreSetup.Schema}.mt_event_progression where name like $1", connection, transaction);
            progress.Parameters.Add(new NpgsqlParameter { Value = ThemeTimelineProjection.ViewName + ":%" });
            await progress.ExecuteNonQueryAsync(cancellation);
        }
        await transaction.CommitAsync(cancellation);
        return forgotten;
    }
}
