using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace CaseLedger.Tests.Infrastructure;

[Collection(ApiCollection.Name)]
public sealed partial class ResponseHeaderTests(AppFixture app)
{
    private static string Lead => TestTokens.For(Scenarios.Lead, Roles.LeadInspector);

    [Theory]
    [InlineData("/health/live", null, 200)]
    [InlineData("/no/such/route", null, 404)]
    [InlineData("/inspections", null, 401)]
    [InlineData("/inspections", "lead", 200)]
    [InlineData("/inspections?yot=a%00b", "lead", 400)]
    [InlineData("/docs/v1", null, 200)]
    public async Task Every_response_says_nosniff(string url, string? token, int status)
    {
        using var response = await Get(url, token is null ? null : Lead);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/inspections", 200)]
    [InlineData("/admin/projections", 403)]
    [InlineData("/inspections/not-a-guid", 404)]
    [InlineData("/inspections?yot=a%00b", 400)]
    public async Task Every_answer_to_a_request_with_a_token_is_no_store(string url, int status)
    {
        using var response = await Get(url, Lead);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_answer_to_a_refused_token_is_no_store_too()
    {
        using var response = await Get("/inspections", "not.a.token");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_reference_page_may_load_only_from_this_host()
    {
        using var response = await Get("/docs/v1", null);
        var html = await response.Content.ReadAsStringAsync();
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("default-src 'self'", policy);
        Assert.DoesNotContain("http", policy);
        Assert.DoesNotContain("*", policy);
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag.Value));
        Assert.DoesNotContain("://", html);
        Assert.DoesNotContain("fonts.", html);
        Assert.Contains("\"withDefaultFonts\":false", html);
    }

    [Fact]
    public async Task Each_page_gets_its_own_nonce()
    {
        using var first = await Get("/docs/v1", null);
        using var second = await Get("/docs/v1", null);

        Assert.NotEqual(first.Headers.GetValues("Content-Security-Policy").Single(),
            second.Headers.GetValues("Content-Security-Policy").Single());
    }

    private async Task<HttpResponseMessage> Get(string url, string? token)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
