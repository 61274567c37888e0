using System.Net.Http.Headers;
using System.Text;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>
/// Anything a client can send that is wrong gets a 4xx problem and appends nothing; a 500 from client input is a
/// bug. A sweep of the shapes of wrongness every endpoint can meet.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputSweepTests(AppFixture app)
{
    [Fact]
    public async Task Malformed_requests_are_4xx_problems_and_append_nothing()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 1);
        var judgement = await app.Host.GivenJudgement(id, cases[0].Id);
        var i = $"/inspections/{id}";
        var c = cases[0].Id;
        var requests = new (string Method, string Url, string? Body, string? ContentType)[]
        {
            ("GET", "/inspections/not-a-guid", null, null),
            ("GET", $"{i}/scores?at=version:abc", null, null),
            ("GET", $"{i}/scores?at=week:99999999999", null, null),
            ("GET", $"{i}/events?after=-1", null, null),
            ("GET", $"{i}/events?limit=99999999999", null, null),
            ("GET", $"{i}/judgements?caseId=not-a-guid", null, null),
            ("GET", $"/frameworks/cci-2009?version=abc", null, null),
            ("POST", "/inspections", "[]", "application/json"),
            ("POST", "/inspections", "null", "application/json"),
            ("POST", $"{i}/cases", "null", "application/json"),
            ("POST", $"{i}/judgements", "null", "application/json"),
            ("POST", $"{i}/judgements/batch", "null", "application/json"),
            ("POST", $"{i}/judgements/{judgement.Id}/revisions", "null", "application/json"),
            ("POST", $"{i}/judgements/{judgement.Id}/moderations", "null", "application/json"),
            ("POST", "/inspections", "", "application/json"),
            ("POST", "/inspections", "{\"frameworkId\": 7}", "application/json"),
            ("POST", "/inspections", "{\"frameworkId\":\"cci-2009\"}", "text/plain"),
            ("POST", $"{i}/weeks/abc/open", null, null),
            ("POST", $"{i}/judgements", $"{{\"caseId\":\"not-a-guid\",\"questionId\":\"1.1.a\",\"answer\":\"sufficient\"}}", "application/json"),
            ("POST", $"{i}/judgements", $"{{\"caseId\":\"{c}\",\"questionId\":\"1.1.b\",\"answer\":\"sufficient\",\"note\":\"nul \\u0000 inside\"}}", "application/json"),
            ("POST", $"{i}/judgements", $"{{\"caseId\":\"{c}\",\"questionId\":\"1.1.b\",\"answer\":\"sufficient\",\"note\":\"\\ud800 lone surrogate\"}}", "application/json"),
            ("POST", $"{i}/judgements", $"{{\"caseId\":\"{c}\",\"questionId\":\"{new string('q', 5000)}\",\"answer\":\"sufficient\"}}", "application/json"),
            ("POST", $"{i}/judgements", $"{{\"caseId\":\"{c}\",\"questionId\":\"1.1.b\",\"answer\":\"insufficient\",\"reasons\":[null]}}", "application/json"),
            ("POST", $"{i}/judgements/batch", "{\"judgements\":{}}", "application/json"),
            ("POST", $"{i}/judgements/{judgement.Id}/revisions", "{\"answer\":\"insufficient\",\"expectedVersion\":\"one\"}", "application/json"),
            ("POST", $"{i}/judgements/{judgement.Id}/revisions", "{\"answer\":\"insufficient\",\"expectedVersion\":99999999999}", "application/json"),
            ("POST", $"{i}/judgements/{judgement.Id}/moderations", "{\"answer\":\"insufficient\",\"rationale\":\"nul \\u0000\",\"expectedVersion\":1}", "application/json"),
            ("POST", $"{i}/cases", "{\"reference\":\"C\\u0000\",\"sentenceType\":\"referral-order\",\"setting\":\"community\"}", "application/json"),
        };
        // The feed refuses inspectors before it reads a value, so its values are sent as a reporting client.
        var feedRequests = new[] { "after=abc", "after=-1", "after=1.5", "after=%2B1", "after=99999999999999999999", "limit=0", "limit=1001", "limit=abc", "wait=-1", "wait=31", "wait=soon" }
            .Select(query => ("GET", $"/feed?{query}", (string?)null, (string?)null, TestTokens.For("reporting-1", Roles.ReportingClient)));
        var lead = TestTokens.For(Scenarios.Lead, Roles.LeadInspector);
        var before = await app.Host.StreamVersion(id);
        var failures = new List<string>();
        using var client = app.Host.Server.CreateClient();
        foreach (var (method, url, body, contentType, token) in requests.Select(r => (r.Method, r.Url, r.Body, r.ContentType, lead)).Concat(feedRequests))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType!);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            if (status is < 400 or >= 500 || type != "application/problem+json")
                failures.Add($"{method} {url[..Math.Min(url.Length, 80)]} {body?[..Math.Min(body.Length, 60)]}: {status} {type}");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await app.Host.StreamVersion(id));
    }
}
