using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseLedger.Tests.Infrastructure;

[Collection(ApiCollection.Name)]
public sealed class ProblemDetailsTests(AppFixture app)
{
    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/no/such/route");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });

        using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
        Assert.Equal(404, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("/no/such/route", body.RootElement.GetProperty("instance").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl("/openapi/v1.json");
            s.StatusCodeShouldBe(405);
            s.ContentTypeShouldBe("application/problem+json");
        });
    }

    [Theory]
    [InlineData("/inspections", null, 401)]
    [InlineData("/admin/projections", "reporting", 403)]
    [InlineData("/no/such/route", null, 404)]
    [InlineData("/inspections?yot=a%00b", "reporting", 400)]
    public async Task A_problem_is_problem_json_whatever_the_client_accepts(string url, string? caller, int status)
    {
        foreach (var accept in new[] { "text/csv", "text/html", "text/plain", "image/png;q=1, */*;q=0" })
        {
            var result = await app.Host.Scenario(s =>
            {
                s.Get.Url(url);
                s.WithRequestHeader("Accept", accept);
                if (caller is not null)
                    s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For("reporting-1", Roles.ReportingClient)}");
                s.StatusCodeShouldBe(status);
                s.ContentTypeShouldBe("application/problem+json");
            });
            using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
            Assert.Equal(status, body.RootElement.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task The_api_host_answers_its_request_limits_with_problems()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url($"/health/live?pad={new string('a', RequestLimits.MaxRequestLineBytes)}");
            s.StatusCodeShouldBe(414);
            s.ContentTypeShouldBe("application/problem+json");
        });
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.WithRequestHeader("X-Pad", new string('a', RequestLimits.MaxHeaderBytes));
            s.StatusCodeShouldBe(431);
            s.ContentTypeShouldBe("application/problem+json");
        });
    }

    [Fact]
    public async Task An_exception_is_a_500_problem_that_reveals_nothing_of_it()
    {
        var http = new DefaultHttpContext { RequestServices = app.Host.Services };
        http.Request.Path = "/anything";
        http.Response.Body = new MemoryStream();
        var handler = new UnhandledExceptionHandler(
            app.Host.Services.GetRequiredService<IProblemDetailsService>(),
            NullLogger<UnhandledExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(
            http, new InvalidOperationException("password=hunter2 at Npgsql.Internal"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(500, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        var text = await new StreamReader(http.Response.Body).ReadToEndAsync();
        Assert.Contains("\"status\":500", text);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("Npgsql", text);
    }

    [Fact]
    public async Task An_unreadable_request_keeps_its_4xx()
    {
        var http = new DefaultHttpContext { RequestServices = app.Host.Services };
        http.Response.Body = new MemoryStream();
        var handler = new UnhandledExceptionHandler(
            app.Host.Services.GetRequiredService<IProblemDetailsService>(),
            NullLogger<UnhandledExceptionHandler>.Instance);

        await handler.TryHandleAsync(http, new BadHttpRequestException("too big", 413), CancellationToken.None);

        Assert.Equal(413, http.Response.StatusCode);
    }
}
