namespace CaseLedger.Tests.Health;

[Collection(ApiCollection.Name)]
public sealed class HealthEndpointsTests(AppFixture app)
{
    [Fact]
    public async Task Live_answers_while_the_process_serves()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.StatusCodeShouldBeOk();
        });

        Assert.Equal("Healthy", result.ReadAsJson<HealthBody>()!.Status);
    }

    [Fact]
    public async Task Ready_checks_the_database_and_its_schema()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBeOk();
        });

        var body = result.ReadAsJson<HealthBody>()!;
        Assert.Equal("Healthy", body.Status);
        Assert.Equal("Healthy", body.Checks["event-store"].Status);
    }

    private sealed record HealthBody(string Status, Dictionary<string, HealthEntry> Checks);

    private sealed record HealthEntry(string Status, string? Description);
}
