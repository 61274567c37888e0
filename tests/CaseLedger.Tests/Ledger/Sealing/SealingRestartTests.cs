using CaseLedger.Api.Ledger.Sealing;
using CaseLedger.Api.Ledger.Signing;
using JasperFx.Events.Daemon;
using Npgsql;

namespace CaseLedger.Tests.Ledger.Sealing;

/// <summary>
/// Sealing survives being stopped mid-log and being handed events again: nothing is skipped, nothing is sealed
/// twice, and the leaves stay one contiguous run from 0.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SealingRestartTests(AppFixture app)
{
    private const string Shard = LedgerSealer.Name + ":All";

    [Fact]
    public async Task A_sealer_stopped_mid_log_and_handed_sealed_events_again_skips_none_and_seals_none_twice()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 2);
        await app.Host.CaughtUp();
        var daemon = app.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();

        // Stopped while events arrive, as a node that dies mid-log would leave it; then started again.
        await daemon.StopAgentAsync(Shard);
        foreach (var c in cases) await app.Host.GivenJudgement(id, c.Id);
        await daemon.StartAgentAsync(Shard, CancellationToken.None);
        await app.Host.CaughtUp();

        // A fresh sealer (a restarted node) handed every event of the inspection again, all already sealed.
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var again = await session.Events.FetchStreamAsync(id);
            var restarted = new LedgerSealer(app.Host.Services.GetRequiredService<TreeHeadSigner>(), TimeProvider.System);
            await restarted.ApplyAsync(session, again, CancellationToken.None);
            await session.SaveChangesAsync();
        }

        var events = (await app.Host.GetJson($"/inspections/{id}/events")).GetProperty("events").EnumerateArray().ToList();
        Assert.All(events, e => Assert.Equal(JsonValueKind.Number, e.GetProperty("leafIndex").ValueKind));
        Assert.Equal(events.Count, events.Select(e => e.GetProperty("leafIndex").GetInt64()).Distinct().Count());
        var (leaves, highest, sequences) = await LogShapeAsync();
        Assert.Equal(leaves, highest + 1);
        Assert.Equal(leaves, sequences);
        Assert.True((await app.Host.GetJson($"/inspections/{id}/verify")).GetProperty("ledger").GetProperty("agrees").GetBoolean());
    }

    /// <summary>How many leaves, the highest leaf index, and how many distinct events they hold.</summary>
    private static async Task<(long Leaves, long Highest, long Sequences)> LogShapeAsync()
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__CaseLedger"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*), max(leaf_index), count(distinct seq_id) from {LedgerTables.Leaves}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
