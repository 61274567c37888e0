using CaseLedger.Api.Admin;
using CaseLedger.Api.Infrastructure;
using JasperFx.Events.Daemon;
using Npgsql;

namespace CaseLedger.Tests.Admin;

/// <summary>
/// A database from before the composite: its members' progress rows and none of its own. Marten alone fails to start
/// the composite there, for good; with the members' rows forgotten first, it rebuilds the three views in one pass and
/// they agree with the ledger.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CompositeUpgradeTests(AppFixture app)
{
    private static readonly string Composite = ProjectionStatus.ShardOf(ProjectionStatus.PerInspection);
    private static readonly string Connection = RawSql.Connection;

    [Fact]
    public async Task Members_progress_without_the_composites_is_forgotten_so_the_composite_rebuilds_and_agrees()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 2);
        foreach (var c in cases) await app.Host.GivenJudgement(id, c.Id);
        await app.Host.CaughtUp();
        var daemon = app.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();

        // The state of a database written before the composite existed: the members' rows, none of the composite's.
        await daemon.StopAgentAsync(Composite);
        await RawSql.ExecuteAsync($"delete from {EventStoreSetup.Schema}.mt_event_progression where name = '{Composite}'");

        Assert.Equal(3, await CompositeUpgrade.ForgetMembersOfAbsentCompositeAsync(Connection, CancellationToken.None));
        await daemon.StartAgentAsync(Composite, CancellationToken.None);
        await app.Host.CaughtUp();

        var progress = await ProgressAsync();
        var end = progress["HighWaterMark"];
        Assert.All([Composite, .. ProjectionStatus.PerInspectionViews.Select(ProjectionStatus.ShardOf)], shard => Assert.Equal(end, progress[shard]));
        Assert.True((await app.Host.GetJson($"/inspections/{id}/verify")).GetProperty("agrees").GetBoolean());
        // Once the composite has its row, nothing is forgotten again.
        Assert.Equal(0, await CompositeUpgrade.ForgetMembersOfAbsentCompositeAsync(Connection, CancellationToken.None));
    }

    private static async Task<Dictionary<string, long>> ProgressAsync()
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select name, last_seq_id from {EventStoreSetup.Schema}.mt_event_progression", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, long>();
        while (await reader.ReadAsync()) rows[reader.GetString(0)] = reader.GetInt64(1);
        return rows;
    }
}
