using CaseLedger.Bench;
using CaseLedger.Bench.Measures;
using CaseLedger.Bench.Raw;
using CaseLedger.Client;
using Npgsql;

namespace CaseLedger.Tests.Bench;

/// <summary>
/// Keeps the sealing measure working: it restarts its API, so it runs on API processes of its own (the build the
/// tests run from) over a database of its own, never the shared host's, whose sealer would seal for it.
/// </summary>
public sealed class SealingCostsTests : IAsyncLifetime
{
    private readonly string log = Path.Combine(Path.GetTempPath(), $"caseledger-sealing-{Guid.NewGuid():N}.log");
    private OwnDatabase database = null!;
    private string connection = null!;

    public async Task InitializeAsync()
    {
        database = await OwnDatabase.CreateAsync("bench_sealing");
        connection = database.Connection;
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        File.Delete(log);
        File.Delete(log + ".pid");
    }

    [Fact]
    public async Task Resealing_from_the_first_event_and_writes_with_sealing_on_and_off_each_have_a_figure_and_a_baseline()
    {
        var address = new Uri($"http://127.0.0.1:{OwnDatabase.FreePort()}");
        await using var launcher = new ApiLauncher(AppContext.BaseDirectory, address, connection, log);
        await launcher.StartAsync(sealing: true, CancellationToken.None);
        await using var product = NpgsqlDataSource.Create(connection);
        await using var raw = RawStore.Open(connection, "bench_raw", maxConnections: 4);
        await raw.CreateAsync(CancellationToken.None);
        await using var api = new ApiProcess(launcher.Pid);
        using var http = new HttpClient { BaseAddress = address };
        var context = new BenchContext
        {
            Api = new ApiClient(http, DevelopmentSigningKey.Read(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"))),
            Raw = raw,
            Product = product,
            ApiProcess = api,
            Launcher = launcher,
            Frameworks = FrameworkLoader.LoadDefault(),
            Options = new BenchOptions { Events = 1, Samples = 3 },
            Log = _ => { },
        };

        var results = await new SealingCosts().RunAsync(context, CancellationToken.None);

        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.True(r is { Product: > 0, Baseline: > 0, CostRatio: > 0 }, r.Figure));
        Assert.Contains("s after the API was launched", results[0].Note);
        // Resealed from the first event: one contiguous run of leaves, each an event of the table, in its order.
        await using var resealed = product.CreateCommand("""
            select count(*) = max(l.leaf_index) + 1
                   and count(*) = count(e.seq_id)
                   and bool_and(l.seq_id = e.seq_id)
                   and (select max(tree_size) from caseledger.ledger_heads) <= count(*)
              from caseledger.ledger_leaves l
              left join (select seq_id, row_number() over (order by seq_id) - 1 as position from caseledger.mt_events) e
                on e.position = l.leaf_index
            """);
        Assert.True((bool)(await resealed.ExecuteScalarAsync())!, "the log was resealed from the first event, in order");
    }

}
