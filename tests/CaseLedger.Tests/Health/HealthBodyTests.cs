using CaseLedger.Api.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace CaseLedger.Tests.Health;

/// <summary>
/// Finding 6 of the security review: the public readiness body of the views check said "Failed to connect to
/// 127.0.0.1:55610". A check that throws is reported as failed, and its exception's words stay in the log.
/// </summary>
public sealed class HealthBodyTests
{
    [Fact]
    public async Task A_check_that_throws_does_not_describe_the_database()
    {
        // Given: the health-check service as the host runs it, with a check failing the way an unreachable database fails
        var services = new ServiceCollection().AddLogging(logging => logging.ClearProviders());
        services.AddHealthChecks().AddCheck("views", () => throw new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:55610"));
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        // When
        var http = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        await HealthEndpoints.WriteJson(http, report);

        // Then
        http.Response.Body.Position = 0;
        var body = await new StreamReader(http.Response.Body).ReadToEndAsync();
        Assert.Contains("\"status\":\"Unhealthy\"", body);
        Assert.Contains(HealthEndpoints.FailedCheck, body);
        Assert.DoesNotContain("127.0.0.1", body);
        Assert.DoesNotContain("55610", body);
    }
}
