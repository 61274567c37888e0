using CaseLedger.Api.Infrastructure;
using Npgsql;

namespace CaseLedger.Api.Admin;

/// <summary>
/// A database from before the per-inspection views ran as one composite holds progress rows for its members and none
/// for the composite. Marten then starts the composite from the first event and inserts every member's row again,
/// which fails on the rows already there, every two seconds, for good. Before the daemon starts, this forgets those
/// members' rows, so that Marten's own single-pass rebuild of the composite runs instead. It acts only in that state:
/// once the composite has run, its row is there, written in the same transaction as its members'.
/// </summary>
public sealed class CompositeUpgrade(string connectionString) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ForgetMembersOfAbsentCompositeAsync(connectionString, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deletes the members' progress rows when the composite has none; how many it deleted.</summary>
    public static async Task<int> ForgetMembersOfAbsentCompositeAsync(string connectionString, CancellationToken cancellation)
    {
        const string progression = EventStoreSetup.Schema + ".mt_event_progression";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using (var exists = new NpgsqlCommand($"select to_regclass('{progression}') is not null", connection))
            if (await exists.ExecuteScalarAsync(cancellation) is not true) return 0;

        await using var forget = new NpgsqlCommand(
            $"delete from {progression} where name = any($1) and not exists (select 1 from {progression} where name = $2)", connection);
        forget.Parameters.Add(new NpgsqlParameter { Value = ProjectionStatus.PerInspectionViews.Select(ProjectionStatus.ShardOf).ToArray() });
        forget.Parameters.Add(new NpgsqlParameter { Value = ProjectionStatus.ShardOf(ProjectionStatus.PerInspection) });
        return await forget.ExecuteNonQueryAsync(cancellation);
    }
}
