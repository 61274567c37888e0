using System.Net.Http.Json;
using CaseLedger.Tests.Demo;
using CaseLedger.Tests.Inspections;
using CaseLedger.Tests.Scores;
using Xunit.Abstractions;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>
/// A run through the API as its callers use it (writes, refusals and every kind of read, over a fresh inspection and
/// the demo's), with every answer checked against the served document: its status must be one the operation
/// documents, and its body must match the schema declared for that status and content type.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentedResponsesTests(AppFixture app, ITestOutputHelper output)
{
    private const string Lead = Scenarios.Lead;
    private const string Inspector = Scenarios.Inspector;
    private const string Demo002 = "0da453ab-adfa-5cbe-bf92-50a506ff4fb5";
    private const string Demo004 = "d0e97dd7-f7fc-5327-8ebd-7840926d9bdd";
    /// <summary>Recorded in week 1, revised in week 2 and moderated back (README, Demo data).</summary>
    private const string Demo004RevisedJudgement = "88837e24-f41f-565d-9de6-61ed59682289";

    [Fact]
    public async Task Every_answer_of_a_run_through_the_api_is_the_one_the_document_describes()
    {
        var clients = new RecordedClients(app.Host);
        await app.Host.EnsureDemoLoaded();
        await app.Host.GivenYot(Scenarios.Yot);

        await RegisterYots(clients.As("admin-reference", Roles.Admin));
        var id = await RecordAnInspection(clients);
        await ReadItBack(clients, id);
        await ReadTheDemo(clients.As("auditor-reference", Roles.Auditor), clients.As("reporting-reference", Roles.ReportingClient));
        await Expect(clients.Anonymous(), HttpMethod.Get, "/inspections", 401);
        await Expect(clients.Anonymous(), HttpMethod.Get, "/health/live", 200);
        await Expect(clients.Anonymous(), HttpMethod.Get, "/health/ready", 200);

        var contract = new DocumentedResponses(await app.Host.OpenApiText());
        var exchanges = clients.Exchanges;
        var disagreements = exchanges.SelectMany(contract.Disagreements).ToList();
        var covered = exchanges.Select(contract.OperationOf).OfType<string>().ToHashSet();
        output.WriteLine($"{exchanges.Count} answers over {covered.Count} of {contract.Operations.Count()} operations; not exercised: " +
            string.Join(", ", contract.Operations.Except(covered)));
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} answers disagree with the document:\n{string.Join("\n", disagreements)}");
        Assert.True(covered.Count >= 35, $"the run exercised only {covered.Count} operations");
    }

    private static async Task RegisterYots(HttpClient admin)
    {
        var code = "reference-" + new string([.. Guid.NewGuid().ToString("N").Take(10).Select(c => (char)('a' + c % 26))]);
        var body = new { name = "Reference YOT", region = "North West" };
        await Expect(admin, HttpMethod.Put, $"/yots/{code}", 201, body);
        await Expect(admin, HttpMethod.Put, $"/yots/{code}", 200, body);
        await Expect(admin, HttpMethod.Put, $"/yots/{code}", 400, new { name = "Reference YOT", region = "Atlantis" });
        await Expect(admin, HttpMethod.Get, $"/yots/{code}/history", 200);
        await Expect(admin, HttpMethod.Get, "/yots/no-such-yot-anywhere/history", 404);
        await Expect(admin, HttpMethod.Get, "/admin/projections", 200);
        await Expect(admin, HttpMethod.Get, "/feed?limit=3", 200);
        await Expect(admin, HttpMethod.Post, "/admin/projections/rebuild?name=no-such-view", 400);
        await Expect(admin, HttpMethod.Post, "/inspections/00000000-0000-0000-0000-000000000001/judgements", 403, new { });
    }

    private static async Task<Guid> RecordAnInspection(RecordedClients clients)
    {
        var (lead, inspector) = (clients.As(Lead, TeamRoles.LeadInspector), clients.As(Inspector, TeamRoles.Inspector));
        await Expect(lead, HttpMethod.Post, "/inspections", 400, new { frameworkId = "cci-2009" });
        await Expect(lead, HttpMethod.Post, "/inspections", 409, new
        {
            frameworkId = "cci-2009", yot = new { code = Scenarios.Yot, name = "Not the registered name" },
            fieldworkWeeks = new[] { new { number = 1, startsOn = "2012-02-06" } },
        });
        await Expect(inspector, HttpMethod.Post, "/inspections", 403, Scenarios.OpenBody());
        await Expect(lead, HttpMethod.Get, "/feed", 403);
        var id = (await Expect(lead, HttpMethod.Post, "/inspections", 201, Scenarios.OpenBody())).GetProperty("id").GetGuid();
        var at = $"/inspections/{id}";

        var caseId = (await Expect(lead, HttpMethod.Post, $"{at}/cases", 201, Case("C01"))).GetProperty("id").GetGuid();
        var secondCase = (await Expect(lead, HttpMethod.Post, $"{at}/cases", 201, Case("C02"))).GetProperty("id").GetGuid();
        await Expect(lead, HttpMethod.Post, $"{at}/cases", 409, Case("C01"));
        await Expect(lead, HttpMethod.Post, "/inspections/00000000-0000-0000-0000-000000000001/cases", 404, Case("C01"));
        await Expect(lead, HttpMethod.Post, $"{at}/weeks/1/open", 200);
        await Expect(lead, HttpMethod.Post, $"{at}/weeks/2/open", 409);

        var judgement = new { id = Guid.NewGuid(), caseId, questionId = "1.1.a", answer = "sufficient" };
        var judgementId = (await Expect(inspector, HttpMethod.Post, $"{at}/judgements", 201, judgement)).GetProperty("id").GetGuid();
        await Expect(inspector, HttpMethod.Post, $"{at}/judgements", 201, judgement);
        await Expect(inspector, HttpMethod.Post, $"{at}/judgements", 400, new { caseId, questionId = "1.1.a", answer = "maybe" });
        await Expect(inspector, HttpMethod.Post, $"{at}/judgements", 404, new { caseId = Guid.NewGuid(), questionId = "1.1.a", answer = "sufficient" });
        await Expect(inspector, HttpMethod.Post, $"{at}/judgements", 409, new { caseId, questionId = "1.1.a", answer = "sufficient" });
        await Expect(inspector, HttpMethod.Post, $"{at}/judgements/batch", 201, new
        {
            judgements = new[] { new { caseId = secondCase, questionId = "1.1.a", answer = "sufficient" }, new { caseId = secondCase, questionId = "1.1.b", answer = "sufficient" } },
        });
        await Expect(inspector, HttpMethod.Post, $"{at}/judgements/batch", 400, new { judgements = new[] { new { caseId, questionId = "1.1.c", answer = "maybe" } } });

        var judged = $"{at}/judgements/{judgementId}";
        var revision = new { answer = "insufficient", reasons = new[] { "not-completed" }, note = "checked again", expectedVersion = 1 };
        await Expect(inspector, HttpMethod.Post, $"{judged}/revisions", 200, revision);
        await Expect(inspector, HttpMethod.Post, $"{judged}/revisions", 409, revision with { answer = "sufficient", reasons = Array.Empty<string>() });
        await Expect(lead, HttpMethod.Post, $"{judged}/moderations", 200, new { answer = "sufficient", rationale = "on the paper file", expectedVersion = 2 });
        await Expect(lead, HttpMethod.Post, $"{judged}/moderations", 400, new { answer = "insufficient", expectedVersion = 3 });
        await Expect(lead, HttpMethod.Post, $"{judged}/corrections", 409, new { answer = "insufficient", reasons = new[] { "not-completed" }, rationale = "late", expectedVersion = 3 });
        await Expect(lead, HttpMethod.Post, $"{at}/publish", 409);
        await Expect(lead, HttpMethod.Post, $"{at}/weeks/1/close", 200);
        await Expect(lead, HttpMethod.Post, $"{at}/weeks/2/close", 409);
        return id;
    }

    private async Task ReadItBack(RecordedClients clients, Guid id)
    {
        var (lead, auditor, reporting) = (clients.As(Lead, TeamRoles.LeadInspector), clients.As("auditor-reference", Roles.Auditor),
            clients.As("reporting-reference", Roles.ReportingClient));
        var at = $"/inspections/{id}";
        await Expect(reporting, HttpMethod.Get, $"{at}/scores", 404);
        await Expect(reporting, HttpMethod.Get, $"{at}/judgements", 403);
        var judgements = await Expect(auditor, HttpMethod.Get, $"{at}/judgements", 200);
        var judgementId = judgements[0].GetProperty("id").GetGuid();
        await Expect(auditor, HttpMethod.Get, $"{at}/judgements/{judgementId}", 200);
        await Expect(auditor, HttpMethod.Get, $"{at}/judgements/{Guid.NewGuid()}", 404);
        await Expect(auditor, HttpMethod.Get, "/inspections?state=open", 200);
        await Expect(auditor, HttpMethod.Get, "/inspections?state=sealed", 400);
        await Expect(auditor, HttpMethod.Get, at, 200);
        await Expect(auditor, HttpMethod.Get, $"{at}/scores?at=week:1", 200);
        await Expect(auditor, HttpMethod.Get, $"{at}/scores?at=someday", 400);
        await Expect(auditor, HttpMethod.Get, $"{at}/history?from=version:1&to=week:1", 200);
        await Expect(auditor, HttpMethod.Get, $"{at}/history?from=version:1&to=published", 409);
        await Expect(auditor, HttpMethod.Get, $"{at}/moderation", 200);
        await Expect(auditor, HttpMethod.Get, $"{at}/events?limit=5", 200);
        await Expect(auditor, HttpMethod.Get, $"{at}/events?limit=many", 400);
        await Expect(auditor, HttpMethod.Get, $"{at}/verify", 200);

        await Expect(lead, HttpMethod.Post, $"{at}/publish", 200);
        await Expect(reporting, HttpMethod.Get, $"{at}/scores", 200);
        await Expect(lead, HttpMethod.Post, $"{at}/judgements/{judgementId}/corrections", 200,
            new { answer = "not-applicable", rationale = "the case closed before the plan was due", expectedVersion = judgements[0].GetProperty("version").GetInt32() });
        await app.Host.CaughtUp();
        await Expect(auditor, HttpMethod.Get, $"{at}/export", 200);
    }

    private static async Task ReadTheDemo(HttpClient auditor, HttpClient reporting)
    {
        await Expect(auditor, HttpMethod.Get, $"/inspections/{Demo002}/scores", 200);
        await Expect(reporting, HttpMethod.Get, $"/inspections/{Demo002}/scores", 200, accept: "text/csv");
        await Expect(reporting, HttpMethod.Get, $"/inspections/{Demo002}/scores?at=week:1", 404);
        await Expect(auditor, HttpMethod.Get, $"/inspections/{Demo004}/history?from=week:1&to=published", 200);
        await Expect(auditor, HttpMethod.Get, $"/inspections/{Demo004}/moderation", 200, accept: "text/csv");
        await Expect(auditor, HttpMethod.Get, $"/inspections/{Demo004}/moderation", 200);
        await Expect(auditor, HttpMethod.Get, $"/inspections/{Demo004}/events?limit=20", 200);
        await Expect(auditor, HttpMethod.Get, $"/inspections/{Demo004}/judgements/{Demo004RevisedJudgement}/history", 200);
        await Expect(auditor, HttpMethod.Get, "/frameworks", 200);
        await Expect(auditor, HttpMethod.Get, "/frameworks/cci-2009", 200);
        await Expect(auditor, HttpMethod.Get, "/frameworks/cci-2009?version=99", 404);

        await Expect(reporting, HttpMethod.Get, "/yots", 200);
        await Expect(reporting, HttpMethod.Get, "/yots/lambeth", 200);
        await Expect(reporting, HttpMethod.Get, "/yots/lambeth", 200, accept: "text/csv");
        await Expect(reporting, HttpMethod.Get, "/yots/lambeth?at=yesterday", 400);
        await Expect(reporting, HttpMethod.Get, "/yots/no-such-yot-anywhere", 404);
        var theme = (await Expect(reporting, HttpMethod.Get, "/themes", 200))[0];
        var themePath = $"/themes/{theme.GetProperty("frameworkId").GetString()}/{theme.GetProperty("themeId").GetString()}";
        await Expect(reporting, HttpMethod.Get, themePath, 200);
        await Expect(reporting, HttpMethod.Get, themePath, 200, accept: "text/csv");
        await Expect(reporting, HttpMethod.Get, $"{themePath}?region=Atlantis", 400);
        await Expect(reporting, HttpMethod.Get, "/themes/cci-2009/no-such-theme", 404);

        var head = await Expect(reporting, HttpMethod.Get, "/ledger/heads/latest", 200);
        var size = head.GetProperty("treeSize").GetInt64();
        await Expect(reporting, HttpMethod.Get, "/ledger/heads?limit=2", 200);
        await Expect(reporting, HttpMethod.Get, "/ledger/keys", 200);
        await Expect(reporting, HttpMethod.Get, $"/ledger/proofs/inclusion?leafIndex=0&treeSize={size}", 200);
        await Expect(reporting, HttpMethod.Get, $"/ledger/proofs/inclusion?leafIndex={size}&treeSize={size}", 400);
        await Expect(reporting, HttpMethod.Get, $"/ledger/proofs/consistency?first=1&second={size}", 200);
        await Expect(auditor, HttpMethod.Get, "/ledger/verify", 200);
        await Expect(reporting, HttpMethod.Get, "/ledger/verify", 403);

        await Expect(auditor, HttpMethod.Get, "/feed?limit=50", 200);
        var notices = await Expect(reporting, HttpMethod.Get, "/feed?limit=5", 200);
        await Expect(reporting, HttpMethod.Get, $"/feed?after={notices.GetProperty("next").GetString()}&limit=5", 200);
        await Expect(reporting, HttpMethod.Get, "/feed?after=-1", 400);
        await Expect(reporting, HttpMethod.Get, "/feed?wait=forever", 400);
    }

    private static object Case(string reference) =>
        new { reference, sentenceType = "youth-rehabilitation-order", setting = "community", riskOfHarm = "high", ageAtStart = 15 };

    /// <summary>Sends one request and checks the status the run meant to provoke; the body is checked against the document later.</summary>
    private static async Task<JsonElement> Expect(HttpClient client, HttpMethod method, string url, int status, object? body = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{method} {url}: expected {status}, got {(int)response.StatusCode}: {text}");
        return accept is null && text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }
}
