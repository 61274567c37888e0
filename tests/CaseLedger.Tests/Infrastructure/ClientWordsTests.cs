using System.Net.Http.Headers;
using System.Text;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>
/// What the server could not read is said in the client's words, at the field's own path: never a .NET type,
/// and a key sent twice (in any case) is refused rather than won by the last one.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ClientWordsTests(AppFixture app)
{
    public static TheoryData<string, string?, string, string> Requests => new()
    {
        { "/inspections", "[]", "body", "must be an object." },
        { "/inspections", "\"x\"", "body", "must be an object." },
        { "/inspections", """{"title":"a",}""", "body", "is not valid JSON at line 1, byte 14." },
        { "/inspections", """{"id":"not-a-guid"}""", "id", "must be a UUID." },
        { "/inspections", """{"frameworkId":7}""", "frameworkId", "must be a string of valid Unicode text." },
        { "/inspections", """{"frameworkVersion":"one"}""", "frameworkVersion", "must be a whole number." },
        { "/inspections", """{"yot":"x"}""", "yot", "must be an object." },
        { "/inspections", """{"fieldworkWeeks":{}}""", "fieldworkWeeks", "must be a list." },
        { "/inspections", """{"fieldworkWeeks":[{"number":1},{"number":2,"startsOn":"2012-13-01"}]}""", "fieldworkWeeks[1].startsOn", "must be a date (yyyy-mm-dd)." },
        { "/inspections", """{"recordedBy":"someone-else"}""", "recordedBy", "is not a field this endpoint accepts." },
        { "/inspections/{id}/judgements/batch", """{"judgements":[{},{},{},{},{},{},{},{"caseId":"zz"}]}""", "judgements[7].caseId", "must be a UUID." },
        { "/inspections/{id}/judgements", """{"reasons":"x"}""", "reasons", "must be a list." },
        { "/inspections/{id}/events?limit=abc", null, "limit", "must be a whole number." },
        { "/inspections/{id}/events?after=x", null, "after", "must be a whole number." },
        { "/inspections/{id}/judgements?caseId=not-a-guid", null, "caseId", "must be a UUID." },
        { "/frameworks/cci-2009?version=abc", null, "version", "must be a whole number." },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task An_unreadable_field_is_named_in_the_clients_words(string url, string? body, string field, string message)
    {
        var (status, text) = await Send(url, body);

        Assert.Equal(400, status);
        AssertNoDotNetNames(text);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(message, Assert.Single(problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("""{"frameworkId":"cci-2009","frameworkId":"other"}""", "frameworkId")]
    [InlineData("""{"frameworkId":"cci-2009","FrameworkId":"other"}""", "frameworkId")]
    [InlineData("""{"title":"a","TITLE":"b"}""", "title")]
    public async Task A_key_sent_twice_is_refused_in_any_case(string body, string field)
    {
        var (status, text) = await Send("/inspections", body);

        Assert.Equal(400, status);
        AssertNoDotNetNames(text);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal("is given more than once (names are compared ignoring case).",
            problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task A_key_sent_twice_inside_a_list_item_is_refused()
    {
        var caseId = Guid.NewGuid();
        var (status, text) = await Send("/inspections/{id}/judgements/batch",
            $$"""{"judgements":[{"caseId":"{{caseId}}","CaseId":"{{Guid.NewGuid()}}","questionId":"1.1.a","answer":"sufficient"}]}""");

        Assert.Equal(400, status);
        AssertNoDotNetNames(text);
        Assert.Contains("given more than once", text);
    }

    [Fact]
    public async Task A_bad_id_in_a_route_names_no_type()
    {
        var (status, text) = await Send("/inspections/not-a-guid/scores", null);

        Assert.Equal(404, status);
        AssertNoDotNetNames(text);
    }

    private static void AssertNoDotNetNames(string text)
    {
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("CaseLedger.", text);
        Assert.DoesNotContain("Guid", text);
        Assert.DoesNotContain("Int32", text);
        Assert.DoesNotContain(".NET", text);
    }

    private async Task<(int Status, string Text)> Send(string url, string? body)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, url.Replace("{id}", Guid.NewGuid().ToString()));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(Scenarios.Lead, Roles.LeadInspector));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
