using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>
/// Every endpoint × every role, plus no token, an expired token and a token signed with another key. The rows are
/// checked against the routes the application actually maps: a new endpoint without a row fails this test.
/// Allowed callers send bodies that pass authorization and then fail validation (or change nothing), so the
/// table never alters the world it runs in.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationTableTests(AppFixture app) : IAsyncLifetime
{
    // Callers: the team's inspector and lead, an auditor, a reporting client, an admin, and an inspector and a
    // lead from outside the team.
    private static readonly (string Name, string User, string Role)[] Callers =
    [
        ("inspector", Scenarios.Inspector, Roles.Inspector),
        ("lead", Scenarios.Lead, Roles.LeadInspector),
        ("auditor", "auditor-1", Roles.Auditor),
        ("reporting", "reporting-1", Roles.ReportingClient),
        ("admin", "admin-1", Roles.Admin),
        ("outsider-inspector", "inspector-elsewhere", Roles.Inspector),
        ("outsider-lead", "lead-elsewhere", Roles.LeadInspector),
    ];

    private sealed record Row(string Method, string Pattern, string Url, string? Body, int[] Expected);

    // A YOT of its own, with one inspection in progress: no other test publishes one here.
    private readonly string yot = $"auth-{Guid.NewGuid():N}"[..20];
    private Guid inspection;
    private Guid judgement;

    private IReadOnlyList<Row> Rows()
    {
        var i = $"/inspections/{inspection}";
        var j = $"{i}/judgements/{judgement}";
        //                           inspector lead auditor reporting admin outsider-insp outsider-lead
        int[] open = [200, 200, 200, 200, 200, 200, 200];
        int[] inspectionReaders = [200, 200, 200, 403, 403, 404, 404];
        int[] writersInvalidBody = [400, 400, 403, 403, 403, 404, 404];
        return
        [
            new("GET", "/frameworks", "/frameworks", null, open),
            new("GET", "/frameworks/{id}", "/frameworks/cci-2009", null, open),
            new("POST", "/inspections", "/inspections", "{}", [403, 400, 403, 403, 403, 403, 400]),
            new("GET", "/inspections", "/inspections", null, [200, 200, 200, 403, 403, 200, 200]),
            new("GET", "/inspections/{id}", i, null, inspectionReaders),
            new("POST", "/inspections/{id}/cases", $"{i}/cases", "{}", [403, 400, 403, 403, 403, 403, 404]),
            new("POST", "/inspections/{id}/weeks/{number}/open", $"{i}/weeks/1/open", null, [403, 200, 403, 403, 403, 403, 404]),
            new("POST", "/inspections/{id}/weeks/{number}/close", $"{i}/weeks/2/close", null, [403, 409, 403, 403, 403, 403, 404]),
            new("POST", "/inspections/{id}/publish", $"{i}/publish", null, [403, 409, 403, 403, 403, 403, 404]),
            new("GET", "/inspections/{id}/judgements", $"{i}/judgements", null, inspectionReaders),
            new("POST", "/inspections/{id}/judgements", $"{i}/judgements", "{}", writersInvalidBody),
            new("POST", "/inspections/{id}/judgements/batch", $"{i}/judgements/batch", "{\"judgements\":[{}]}", writersInvalidBody),
            new("GET", "/inspections/{id}/judgements/{judgementId}", j, null, inspectionReaders),
            new("GET", "/inspections/{id}/judgements/{judgementId}/history", $"{j}/history", null, inspectionReaders),
            new("POST", "/inspections/{id}/judgements/{judgementId}/revisions", $"{j}/revisions", "{}", writersInvalidBody),
            new("POST", "/inspections/{id}/judgements/{judgementId}/moderations", $"{j}/moderations", "{}", [403, 400, 403, 403, 403, 403, 404]),
            // Corrections come after publication only; this inspection is in progress, so the lead's is a 409.
            new("POST", "/inspections/{id}/judgements/{judgementId}/corrections", $"{j}/corrections", "{}", [403, 409, 403, 403, 403, 403, 404]),
            // Reporting clients see published scores only; this inspection is in progress, so to them it does not exist.
            new("GET", "/inspections/{id}/scores", $"{i}/scores", null, [200, 200, 200, 404, 403, 404, 404]),
            new("GET", "/inspections/{id}/history", $"{i}/history?from=version:1", null, inspectionReaders),
            new("GET", "/inspections/{id}/moderation", $"{i}/moderation", null, inspectionReaders),
            new("GET", "/inspections/{id}/events", $"{i}/events?limit=5", null, inspectionReaders),
            // Quality assurance: the lead draws and confirms (a draw of 0 per inspector is a 400); the lead and auditors
            // read the samples; reliability is the lead's and auditors' in full, an inspector's own, never a reporting client's.
            new("POST", "/inspections/{id}/qa-samples", $"{i}/qa-samples", "{\"perInspector\":0}", [403, 400, 403, 403, 403, 403, 404]),
            new("GET", "/inspections/{id}/qa-samples", $"{i}/qa-samples", null, [403, 200, 200, 403, 403, 404, 404]),
            new("GET", "/inspections/{id}/qa-samples/{sampleId}", $"{i}/qa-samples/{Guid.NewGuid()}", null, [403, 404, 404, 403, 403, 404, 404]),
            new("POST", "/inspections/{id}/judgements/{judgementId}/confirmations", $"{j}/confirmations", "{}", [403, 400, 403, 403, 403, 403, 404]),
            // Ratings: the lead's. This inspection is under cci-2009, which rates nothing: an evidence rating names no
            // standard of it (400), and an override no standard (404).
            new("POST", "/inspections/{id}/ratings", $"{i}/ratings", "{}", [403, 400, 403, 403, 403, 403, 404]),
            new("POST", "/inspections/{id}/ratings/{standardId}/override", $"{i}/ratings/2.1/override", "{}", [403, 404, 403, 403, 403, 403, 404]),
            new("GET", "/inspections/{id}/reliability", $"{i}/reliability", null, inspectionReaders),
            new("GET", "/inspectors/{userId}/reliability", $"/inspectors/{Scenarios.Inspector}/reliability", null, [200, 403, 200, 403, 200, 403, 403]),
            new("GET", "/frameworks/{id}/reliability", "/frameworks/cci-2009/reliability", null, [403, 403, 200, 403, 200, 403, 403]),

            new("GET", "/inspections/{id}/verify", $"{i}/verify", null, inspectionReaders),
            new("GET", "/yots", "/yots", null, [200, 200, 200, 200, 403, 200, 200]),
            new("GET", "/yots/{code}", $"/yots/{yot}", null, [200, 200, 200, 404, 403, 404, 404]),
            // The register: administrators keep it (an empty body is a 400 to them); auditors and administrators read its history.
            new("PUT", "/yots/{code}", $"/yots/{yot}", "{}", [403, 403, 403, 403, 400, 403, 403]),
            new("GET", "/yots/{code}/history", $"/yots/{yot}/history", null, [403, 403, 200, 403, 200, 403, 403]),
            new("GET", "/themes", "/themes", null, [200, 200, 200, 200, 403, 200, 200]),
            new("GET", "/themes/{frameworkId}/{themeId}", "/themes/cci-2009/risk-of-harm", null, [200, 200, 200, 200, 403, 200, 200]),
            // The signed log: whoever checks a record later (auditors, reporting clients).
            new("GET", "/ledger/heads/latest", "/ledger/heads/latest", null, [403, 403, 200, 200, 403, 403, 403]),
            new("GET", "/ledger/heads", "/ledger/heads?after=0&limit=2", null, [403, 403, 200, 200, 403, 403, 403]),
            new("GET", "/ledger/keys", "/ledger/keys", null, [403, 403, 200, 200, 403, 403, 403]),
            new("GET", "/ledger/verify", "/ledger/verify", null, [403, 403, 200, 403, 403, 403, 403]),
            new("GET", "/inspections/{id}/export", $"{i}/export", null, [403, 403, 200, 403, 403, 403, 403]),
            new("GET", "/ledger/proofs/inclusion", "/ledger/proofs/inclusion?leafIndex=0&treeSize=1", null, [403, 403, 200, 200, 403, 403, 403]),
            new("GET", "/ledger/proofs/consistency", "/ledger/proofs/consistency?first=1&second=1", null, [403, 403, 200, 200, 403, 403, 403]),
            new("GET", "/admin/projections", "/admin/projections", null, [403, 403, 200, 403, 200, 403, 403]),
            // The change feed: auditors read every event, reporting clients and administrators the notices; inspectors none.
            new("GET", "/feed", "/feed?limit=1", null, [403, 403, 200, 200, 200, 403, 403]),
            // The Prometheus scrape: administrators only, as the operator's monitoring signs in.
            new("GET", "/metrics", "/metrics", null, [403, 403, 403, 403, 200, 403, 403]),
            new("POST", "/admin/projections/rebuild", "/admin/projections/rebuild?name=no-such-view", null, [403, 403, 403, 403, 400, 403, 403]),
            new("POST", "/subscriptions", "/subscriptions", "{}", [403, 403, 403, 400, 400, 403, 403]),
            new("GET", "/subscriptions", "/subscriptions", null, [403, 403, 403, 200, 200, 403, 403]),
            new("DELETE", "/subscriptions/{id}", $"/subscriptions/{Guid.NewGuid()}", null, [403, 403, 403, 404, 404, 403, 403]),
            new("GET", "/subscriptions/{id}/deliveries", $"/subscriptions/{Guid.NewGuid()}/deliveries", null, [403, 403, 403, 404, 404, 403, 403]),
            new("POST", "/subscriptions/{id}/deliveries/{deliveryId}/retry", $"/subscriptions/{Guid.NewGuid()}/deliveries/{Guid.NewGuid()}/retry", null, [403, 403, 403, 404, 404, 403, 403]),
        ];
    }

    /// <summary>Served to anyone, token or not: the process's health and the API's own description.</summary>
    private static readonly string[] Public =
    [
        "GET /", "GET /health/live", "GET /health/ready", "GET /openapi/{documentName}.json", "GET /docs/{documentName?}",
        "GET /docs/scalar.js", "GET /docs/scalar.aspnetcore.js", "GET /docs/favicon.svg",
    ];

    /// <summary>The pages (DESIGN §14) sign in with a cookie of their own; their reach is checked in a browser by
    /// the page tests. Here: that a bearer token opens none of them.</summary>
    private IReadOnlyList<(string Method, string Pattern, string Url)> Pages()
    {
        var i = $"/app/inspections/{inspection}";
        return
        [
            ("GET", "/app/", "/app"),
            ("GET", "/app/inspections/{id:guid}", i),
            ("GET", "/app/inspections/{id:guid}/scores.csv", $"{i}/scores.csv"),
            ("GET", "/app/inspections/{id:guid}/weeks", $"{i}/weeks"),
            ("GET", "/app/inspections/{id:guid}/weeks.csv", $"{i}/weeks.csv"),
            ("GET", "/app/inspections/{id:guid}/history", $"{i}/history"),
            ("GET", "/app/inspections/{id:guid}/history.csv", $"{i}/history.csv"),
            ("GET", "/app/inspections/{id:guid}/moderation", $"{i}/moderation"),
            ("GET", "/app/inspections/{id:guid}/moderation.csv", $"{i}/moderation.csv"),
            ("GET", "/app/yots/{code}", $"/app/yots/{yot}"),
            ("GET", "/app/yots/{code}/inspections.csv", $"/app/yots/{yot}/inspections.csv"),
            ("GET", "/app/themes/{frameworkId}/{themeId}", "/app/themes/cci-2009/safeguarding"),
            ("GET", "/app/themes/{frameworkId}/{themeId}/yots.csv", "/app/themes/cci-2009/safeguarding/yots.csv"),
            ("POST", "/app/sign-out", "/app/sign-out"),
        ];
    }

    /// <summary>What anyone may fetch from the pages: the Development sign-in (the chooser) and the stylesheet.</summary>
    private static readonly string[] PublicPages = ["GET /app/sign-in", "GET /app/assets/pages.css"];

    public async Task InitializeAsync()
    {
        var id = await app.Host.GivenInspection(yot: yot);
        var cases = new[] { await app.Host.GivenCase(id, "C01") };
        await app.Host.OpenWeek(id, 1);
        inspection = id;
        judgement = (await app.Host.GivenJudgement(id, cases[0].Id)).Id;
        // Sealed, so the log has a head and a leaf for the ledger rows to read.
        await app.Host.CaughtUp();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_mapped_route_has_a_row()
    {
        var mapped = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} {Normalise(endpoint.RoutePattern.RawText)}"))
            .ToHashSet();
        var covered = Rows().Select(row => $"{row.Method} {row.Pattern}").Concat(Public)
            .Concat(Pages().Select(page => $"{page.Method} {page.Pattern}")).Concat(PublicPages).ToHashSet();

        Assert.Empty(mapped.Except(covered));
        Assert.Empty(covered.Except(mapped));
    }

    [Fact]
    public async Task A_bearer_token_opens_no_page_but_sends_the_reader_to_sign_in()
    {
        var failures = new List<string>();
        foreach (var (method, pattern, url) in Pages())
            foreach (var caller in Callers)
            {
                using var client = app.Host.Server.CreateClient();
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(caller.User, caller.Role));
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode != 302 || response.Headers.Location?.AbsolutePath != "/app/sign-in")
                    failures.Add($"{method} {pattern} as {caller.Name}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Each_role_gets_exactly_its_rights()
    {
        var failures = new List<string>();
        foreach (var row in Rows())
            for (var c = 0; c < Callers.Length; c++)
            {
                var status = await Send(row, TestTokens.For(Callers[c].User, Callers[c].Role));
                if (status != row.Expected[c])
                    failures.Add($"{row.Method} {row.Pattern} as {Callers[c].Name}: {status}, expected {row.Expected[c]}");
            }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Without_a_valid_token_every_endpoint_is_a_401()
    {
        var tokens = new (string Name, string? Token)[]
        {
            ("none", null),
            ("expired", TestTokens.For(Scenarios.Lead, Roles.LeadInspector, expires: DateTime.UtcNow.AddMinutes(-5))),
            ("another key", TestTokens.For(Scenarios.Lead, Roles.LeadInspector, key: "a-different-signing-key-of-enough-length-0123456789")),
            ("garbage", "not.a.token"),
        };
        var failures = new List<string>();
        foreach (var row in Rows())
            foreach (var (name, token) in tokens)
                if (await Send(row, token) is var status and not 401)
                    failures.Add($"{row.Method} {row.Pattern} with {name} token: {status}");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Public_endpoints_answer_without_a_token()
    {
        foreach (var url in new[] { "/health/live", "/health/ready", "/openapi/v1.json", "/docs/v1" })
            Assert.Equal(200, await Send(new Row("GET", url, url, null, []), null));
    }

    private async Task<int> Send(Row row, string? token)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (row.Body is not null) request.Content = new StringContent(row.Body, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    private static string Normalise(string? pattern) => "/" + (pattern ?? "").TrimStart('/');
}
