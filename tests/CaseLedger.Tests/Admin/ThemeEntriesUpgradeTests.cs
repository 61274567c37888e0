using CaseLedger.Api.Admin;
using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.ThemeViews;
using JasperFx.Events.Daemon;

namespace CaseLedger.Tests.Admin;

/// <summary>
/// A database from before the theme view kept an entry per inspection: a document per theme and the projection's
/// progress at the end. Forgotten before the daemon starts, the entries are written again from the first event and
/// the view shows what it showed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ThemeEntriesUpgradeTests(AppFixture app)
{
    private static readonly string Shard = ProjectionStatus.ShardOf(ThemeTimelineProjection.ViewName);
    private static readonly string Connection = RawSql.Connection;

    [Fact]
    public async Task A_whole_theme_document_is_forgotten_with_the_progress_so_every_entry_is_written_again()
    {
        var yot = $"up-{Guid.NewGuid():N}"[..20];
        var (id, _) = await app.Host.GivenScoredInspection("cci-2009", yot, "Wales", "2013-05-06", cases: 2, judgements: 40, _ => "sufficient");
        await app.Host.Publish(id);
        await app.Host.CaughtUp();
        var before = await app.Host.GetText("/themes/cci-2009/safeguarding");
        var daemon = app.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();

        // The state of a database written before: a whole theme's document, and the progress at the end.
        await daemon.StopAgentAsync(Shard);
        await RawSql.ExecuteAsync($"insert into {ThemeEntriesUpgrade.Table} (id, data) values ('cci-2009/safeguarding', '{{\"id\": \"cci-2009/safeguarding\", \"inspections\": []}}')");

        Assert.True(await ThemeEntriesUpgrade.ForgetWholeThemeDocumentsAsync(Connection, CancellationToken.None) > 1);
        Assert.Equal(0L, await RawSql.ScalarAsync<long>($"select count(*) from {ThemeEntriesUpgrade.Table}"));
        Assert.Equal(0L, await RawSql.ScalarAsync<long>($"select count(*) from {EventStoreSetup.Schema}.mt_event_progression where name = '{Shard}'"));
        // Reads fold from the ledger until the daemon has written the entries again.
        Assert.Equal(before, await app.Host.GetText("/themes/cci-2009/safeguarding"));
        await daemon.StartAgentAsync(Shard, CancellationToken.None);
        await app.Host.CaughtUp();

        Assert.Equal(before, await app.Host.GetText("/themes/cci-2009/safeguarding"));
        Assert.True(await RawSql.ScalarAsync<long>($"select count(*) from {ThemeEntriesUpgrade.Table} where theme_key = 'cci-2009/safeguarding'") > 0);
        // Entries are never forgotten.
        Assert.Equal(0, await ThemeEntriesUpgrade.ForgetWholeThemeDocumentsAsync(Connection, CancellationToken.None));
    }
}
