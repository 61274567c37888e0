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
/// endpoint fails the run rather than leaving a row without a figure), never how fast anything is.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BenchSmokeTests(AppFixture app) : IAsyncLifetime
{
    private readonly string rawSchema = $"bench_smoke_{Guid.NewGuid():N}"[..24];
    private NpgsqlDataSource product = null!;
    private RawStore raw = null!;
    private ApiProcess api = null!;
    private BenchContext context = null!;

    public Task InitializeAsync()
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__CaseLedger")!;
        product = NpgsqlDataSource.Create(connection);
        raw = RawStore.Open(connection, rawSchema, maxConnections: 8);
        // The test host runs in this process, so this process is the API's.
        api = new ApiProcess(Environment.ProcessId);
        context = ContextFor(new ApiClient(app.Host.Server.CreateClient(), TestTokens.SigningKey));
        return Task.CompletedTask;
    }

    private BenchContext ContextFor(ApiClient client) =>
        new()
        {
            Api = client,
            Raw = raw,
            Product = product,
            ApiProcess = api,
            Frameworks = FrameworkLoader.LoadDefault(),
            Options = new BenchOptions
            {
                // Tests share one database and the dataset's ids come from its seed: a seed of its own keeps each
                // test's inspections apart.
                Seed = Random.Shared.Next(1, int.MaxValue), Events = 1, Clients = 2, SingleRequests = 8, SpreadClients = 2, SpreadRequests = 8, Samples = 3, DeepJudgement = 30,
                LagDuration = TimeSpan.FromSeconds(1), RawSchema = rawSchema,
            },
            Log = _ => { },
        };

    public async Task DisposeAsync()
    {
        await raw.DropAsync(CancellationToken.None);
        await raw.DisposeAsync();
        await api.DisposeAsync();
        await product.DisposeAsync();
    }

    [Fact]
    public async Task The_bulk_measure_loads_the_dataset_through_the_api_and_copies_the_products_own_event_json()
    {
        await raw.CreateAsync(CancellationToken.None);

        var result = Assert.Single(await new BulkRecording().RunAsync(context, CancellationToken.None));

        var loaded = context.RequireLoaded();
        Assert.Equal(context.Dataset.Inspections(context.Options.Events).Sum(i => (long)i.EventCount), loaded.Facts.Events);
        Assert.True(loaded.Facts.Judgements > 0 && loaded.Facts.Revisions + loaded.Facts.Moderations > 0);
        Assert.True(result is { Product: > 0, Baseline: > 0, CostRatio: > 0 });
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
    public async Task Every_measure_runs_at_a_tiny_scale_and_the_report_shows_each_figure_beside_its_baseline()
    {
        // The sealing measure restarts its API, which this host cannot be: SealingCostsTests runs it on an API of its own.
        var scale = await ScaleRunner.RunAsync(context, [.. ScaleRunner.All().Where(measure => measure is not SealingCosts)], CancellationToken.None);

        Assert.Equal(["1. bulk recording", "2. single judgements", "3. view rebuild", "4. history reads", "5. async view lag", "6. ledger proofs", "7. API memory", "9. webhooks",
                "10. reliability reads", "11. writes across inspections"],
            scale.Results.Select(r => r.Measure).Distinct());
        Assert.All(scale.Results, r => Assert.True(r is { Product: > 0, Baseline: > 0, CostRatio: > 0 }, $"{r.Measure} {r.Figure}"));
        // The reliability reads count something real: the load sampled the largest inspection, and QA overturned some of it.
        Assert.True(scale.Dataset.Qa is { Inspections: > 0, Sampled: > 0, Overturned: > 0, Requests.Requests: > 0 }, $"{scale.Dataset.Qa}");

        var run = new RunReport(DateTimeOffset.UtcNow, 1, "test", RunEnvironment.Machine(), RunEnvironment.Versions(scale.Database.ServerVersion), [scale]);
        var markdown = MarkdownReport.Write(run);
        Assert.All(scale.Results, r => Assert.Contains($"| {r.Measure} | {r.Figure} |", markdown));
    }

    [Fact]
    public async Task An_endpoint_the_api_does_not_answer_fails_the_measure_instead_of_leaving_a_row_without_a_figure()
    {
        var nowhere = new HttpClient(new NotFoundEverywhere()) { BaseAddress = new Uri("http://127.0.0.1:1") };
        var withoutEndpoints = ContextFor(new ApiClient(nowhere, TestTokens.SigningKey));

        var failure = await Assert.ThrowsAsync<UnexpectedResponse>(() => new ViewRebuild().RunAsync(withoutEndpoints, CancellationToken.None));

        Assert.Contains($"POST {ViewRebuild.RebuildPath} answered 404", failure.Message);
    }

    private sealed class NotFoundEverywhere : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellation) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound) { Content = new StringContent("") });
    }
}
