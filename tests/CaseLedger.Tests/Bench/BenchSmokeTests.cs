using CaseLedger.Api.Frameworks;
using CaseLedger.Bench;
using CaseLedger.Bench.Api;
using CaseLedger.Client;
using CaseLedger.Bench.Measures;
using CaseLedger.Bench.Raw;
using CaseLedger.Bench.Reporting;
using Npgsql;

namespace CaseLedger.Tests.Bench;

/// <summary>
/// Keeps ops/bench working: every measure runs at a tiny scale against the test host and the test database. It
/// asserts that figures are produced and honest (the raw side writes the product's own event JSON; a missing
/// endpoint is reported, not stubbed), never how fast anything is.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BenchSmokeTests(AppFixture app) : IAsyncLifetime
{
    private readonly string rawSchema = $"bench_smoke_{Guid.NewGuid():N}"[..24];
    private NpgsqlDataSource product = null!;
    private RawStore raw = null!;
    private BenchContext context = null!;

    public Task InitializeAsync()
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__CaseLedger")!;
        product = NpgsqlDataSource.Create(connection);
        raw = RawStore.Open(connection, rawSchema, maxConnections: 8);
        context = new BenchContext
        {
            Api = new ApiClient(app.Host.Server.CreateClient(), TestTokens.SigningKey),
            Raw = raw,
            Product = product,
            Frameworks = FrameworkLoader.LoadDefault(),
            Options = new BenchOptions
            {
                // Tests share one database and the dataset's ids come from its seed: a seed of its own keeps each
                // test's inspections apart.
                Seed = Random.Shared.Next(1, int.MaxValue), Events = 1, Clients = 2, SingleRequests = 8, Samples = 3, DeepJudgement = 30,
                LagDuration = TimeSpan.FromSeconds(1), RawSchema = rawSchema,
            },
            Log = _ => { },
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await raw.DropAsync(CancellationToken.None);
        await raw.DisposeAsync();
        await product.DisposeAsync();
    }

    [Fact]
    public async Task The_bulk_measure_loads_the_dataset_through_the_api_and_copies_the_products_own_event_json()
    {
        await raw.CreateAsync(CancellationToken.None);

        var result = Assert.Single(await new BulkRecording().RunAsync(context, CancellationToken.None));

        var loaded = context.RequireLoaded();
        Assert.Equal(loaded.PlannedEvents, loaded.StoredEvents);
        Assert.True(loaded.Judgements > 0 && loaded.Revisions + loaded.Moderations > 0);
        Assert.True(result is { Product: > 0, Baseline: > 0, CostRatio: > 0, NotMeasured: null });
        await using var command = product.CreateCommand($"""
            select count(*), count(*) filter (where p.data = r.data and p.mt_dotnet_type = r.dotnet_type and p.user_name = r.user_name and p.headers = r.headers)
              from caseledger.mt_events p join {rawSchema}.events r on r.data ->> 'judgementId' = p.data ->> 'judgementId'
             where p.type = 'judgement_recorded' and p.stream_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = loaded.Largest.Id });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(loaded.Largest.JudgementCount, reader.GetInt64(0));
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task Every_measure_runs_at_a_tiny_scale_and_the_report_shows_each_figure_or_why_it_is_missing()
    {
        var scale = await ScaleRunner.RunAsync(context, ScaleRunner.All(), CancellationToken.None);

        Assert.Equal(["1. bulk recording", "2. single judgements", "3. view rebuild", "4. history reads", "5. async view lag", "6. API memory"],
            scale.Results.Select(r => r.Measure).Distinct());
        Assert.All(scale.Results, r => Assert.True(r.Product is > 0 ^ r.NotMeasured is not null, $"{r.Measure} {r.Figure}"));
        // Every product endpoint exists in this build, so measures 1 to 5 must each carry a figure and its baseline.
        Assert.All(scale.Results.Where(r => !r.Measure.StartsWith('6')),
            r => Assert.True(r is { Product: > 0, Baseline: > 0, NotMeasured: null }, $"{r.Measure} {r.Figure}: {r.NotMeasured}"));
        Assert.StartsWith("not measured", scale.Results.Single(r => r.Measure.StartsWith('6')).NotMeasured);

        var run = new RunReport(DateTimeOffset.UtcNow, 1, "test", RunEnvironment.Machine(), RunEnvironment.Versions(scale.Database.ServerVersion), [scale]);
        var markdown = MarkdownReport.Write(run);
        Assert.All(scale.Results, r => Assert.Contains($"| {r.Measure} | {r.Figure} |", markdown));
        Assert.All(scale.Results.Where(r => r.NotMeasured is not null), r => Assert.Contains(r.NotMeasured!, markdown));
    }
}
