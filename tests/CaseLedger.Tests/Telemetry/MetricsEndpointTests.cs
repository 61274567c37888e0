using CaseLedger.Api.Telemetry;

namespace CaseLedger.Tests.Telemetry;

/// <summary>The Prometheus scrape endpoint: an administrator's, in Prometheus' text format, with CaseLedger's own
/// figures beside ASP.NET Core's and Npgsql's.</summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsEndpointTests(AppFixture app)
{
    [Fact]
    public async Task An_administrator_scrapes_every_figure_an_operator_alerts_on()
    {
        // Given a request served, and the lag sampled now rather than at the sampler's next tick
        await app.Host.Scenario(s => { s.As(Scenarios.Admin, Roles.Admin).Get.Url("/frameworks"); s.StatusCodeShouldBeOk(); });
        await app.Host.Services.GetRequiredService<LagSampler>().SampleAsync(CancellationToken.None);

        using var client = app.Host.ClientAs(Scenarios.Admin, Roles.Admin);
        using var response = await client.GetAsync(TelemetrySetup.ScrapePath);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE caseledger_view_lag gauge", text);
        foreach (var projection in LagSampler.Projections)
            Assert.Single(Scrapes.Samples(text, "caseledger_view_lag", $"view=\"{projection}\""));
        Assert.Single(Scrapes.Samples(text, "caseledger_ledger_unsealed"));
        Assert.Contains("# TYPE db_client_connection_count gauge", text);
        // ASP.NET Core records a request's duration once its response is done, a moment after the client has it.
        var served = await app.Host.ScrapeWhen(scrape => Scrapes.Samples(scrape, "http_server_request_duration_seconds_count", "http_route=\"/frameworks\"").Count > 0);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", served);
    }

    [Fact]
    public async Task Anyone_but_an_administrator_is_refused()
    {
        using var anonymous = app.Host.Server.CreateClient();
        Assert.Equal(401, (int)(await anonymous.GetAsync(TelemetrySetup.ScrapePath)).StatusCode);
        foreach (var role in Roles.All.Where(role => role != Roles.Admin))
        {
            using var client = app.Host.ClientAs($"{role}-1", role);
            Assert.Equal(403, (int)(await client.GetAsync(TelemetrySetup.ScrapePath)).StatusCode);
        }
    }
}
