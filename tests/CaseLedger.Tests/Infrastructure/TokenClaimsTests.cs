using System.Net.Http.Headers;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>
/// A validly signed token is still refused unless it names one user and exactly one known role: checked once,
/// at authentication, so no route can answer 500 (or grant a second role) for want of it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TokenClaimsTests(AppFixture app)
{
    public static TheoryData<string, string> Tokens => new()
    {
        { "no sub", """{"role":"lead-inspector"}""" },
        { "blank sub", """{"sub":"   ","role":"lead-inspector"}""" },
        { "sub with a newline", """{"sub":"lead-1\n","role":"lead-inspector"}""" },
        { "two subs", """{"sub":["lead-1","lead-2"],"role":"lead-inspector"}""" },
        { "no role", """{"sub":"lead-1"}""" },
        { "unknown role", """{"sub":"lead-1","role":"superuser"}""" },
        { "role list", """{"sub":"admin-1","role":["reporting-client","admin"]}""" },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task A_signed_token_without_one_user_and_one_known_role_is_a_401(string name, string claims)
    {
        var token = TestTokens.WithClaims(Claims(claims));
        var failures = new List<string>();
        foreach (var url in new[] { "/inspections", "/yots", "/themes", "/frameworks", "/admin/projections", $"/inspections/{Guid.NewGuid()}/scores" })
        {
            using var response = await Get(url, token);
            if ((int)response.StatusCode != 401 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{name}: GET {url} answered {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_token_with_one_user_and_one_role_still_passes()
    {
        using var response = await Get("/admin/projections", TestTokens.WithClaims(Claims("""{"sub":"admin-1","role":"admin"}""")));

        Assert.Equal(200, (int)response.StatusCode);
    }

    private async Task<HttpResponseMessage> Get(string url, string token)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static Dictionary<string, object> Claims(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.ValueKind == JsonValueKind.Array
                ? (object)pair.Value.EnumerateArray().Select(e => e.GetString()!).ToArray()
                : pair.Value.GetString()!);
}
