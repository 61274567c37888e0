using System.Net.Http.Json;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Yots;
using JasperFx.Events;

namespace CaseLedger.Tests.Inspections;

/// <summary>Given-state helpers, so each test is the few lines that matter.</summary>
public static class Scenarios
{
    public const string Lead = "lead-inspector-1";
    public const string Inspector = "inspector-1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Scenario As(this Scenario scenario, string user, string role)
    {
        scenario.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(user, role)}");
        return scenario;
    }

    public static Scenario AsLead(this Scenario scenario) => scenario.As(Lead, TeamRoles.LeadInspector);

    public static Scenario AsInspector(this Scenario scenario) => scenario.As(Inspector, TeamRoles.Inspector);

    public static HttpClient ClientAs(this IAlbaHost host, string user, string role)
    {
        var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(user, role));
        return client;
    }

    public const string Yot = "test-yot";
    public const string Admin = "admin-1";

    /// <summary>Registers a YOT as an administrator does, unless the register already holds it.</summary>
    public static async Task GivenYot(this IAlbaHost host, string code, string? name = null, string region = "East Midlands")
    {
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession())
            if (await session.LoadAsync<RegisteredYot>(code) is not null) return;
        var result = await host.Scenario(s =>
        {
            s.As(Admin, Roles.Admin).Put.Json(new { name = name ?? $"YOT {code}", region }).ToUrl($"/yots/{code}");
            s.IgnoreStatusCode();
        });
        Assert.True(result.Context.Response.StatusCode is 200 or 201, await result.ReadAsTextAsync());
    }

    public static object OpenBody(Guid? id = null, string framework = "cci-2009", string yot = Yot) => new
    {
        id,
        frameworkId = framework,
        yot = new { code = yot },
        fieldworkWeeks = new[] { new { number = 1, startsOn = "2012-02-06" }, new { number = 2, startsOn = "2012-03-05" } },
        team = new[] { new { userId = Inspector, role = TeamRoles.Inspector } },
    };

    public static async Task<Guid> GivenInspection(this IAlbaHost host, string framework = "cci-2009", string yot = Yot)
    {
        await host.GivenYot(yot);
        var result = await host.Scenario(s =>
        {
            s.AsLead().Post.Json(OpenBody(framework: framework, yot: yot)).ToUrl("/inspections");
            s.StatusCodeShouldBe(201);
        });
        return result.ReadAsJson<InspectionSummary>()!.Id;
    }

    public static async Task<SampledCase> GivenCase(this IAlbaHost host, Guid inspectionId, string reference,
        string setting = "community", string sentenceType = "youth-rehabilitation-order", string riskOfHarm = "high")
    {
        var result = await host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { reference, sentenceType, setting, riskOfHarm, ageAtStart = 15 })
                .ToUrl($"/inspections/{inspectionId}/cases");
            s.StatusCodeShouldBe(201);
        });
        return result.ReadAsJson<SampledCase>()!;
    }

    public static Task OpenWeek(this IAlbaHost host, Guid inspectionId, int week) => host.Scenario(s =>
    {
        s.AsLead().Post.Url($"/inspections/{inspectionId}/weeks/{week}/open");
        s.StatusCodeShouldBeOk();
    });

    public static Task CloseWeek(this IAlbaHost host, Guid inspectionId, int week) => host.Scenario(s =>
    {
        s.AsLead().Post.Url($"/inspections/{inspectionId}/weeks/{week}/close");
        s.StatusCodeShouldBeOk();
    });

    /// <summary>An inspection with cases in its sample and fieldwork week 1 open.</summary>
    public static async Task<(Guid Id, IReadOnlyList<SampledCase> Cases)> GivenInspectionInFieldwork(this IAlbaHost host, int cases = 2)
    {
        var id = await host.GivenInspection();
        var sample = new List<SampledCase>();
        for (var i = 1; i <= cases; i++) sample.Add(await host.GivenCase(id, $"C{i:00}"));
        await host.OpenWeek(id, 1);
        return (id, sample);
    }

    /// <summary>An inspection in fieldwork with one judgement on each of its <paramref name="cases"/> cases, every
    /// event sealed into the signed log and the views caught up.</summary>
    public static async Task<Guid> GivenSealedJudgements(this IAlbaHost host, int cases)
    {
        var (id, sample) = await host.GivenInspectionInFieldwork(cases);
        foreach (var c in sample) await host.GivenJudgement(id, c.Id);
        await host.CaughtUp();
        return id;
    }

    public static async Task<JudgementView> GivenJudgement(this IAlbaHost host, Guid inspectionId, Guid caseId,
        string questionId = "1.1.a", string answer = "sufficient")
    {
        var result = await host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { caseId, questionId, answer }).ToUrl($"/inspections/{inspectionId}/judgements");
            s.StatusCodeShouldBe(201);
        });
        return result.ReadAsJson<JudgementView>()!;
    }

    public static async Task<long> StreamVersion(this IAlbaHost host, Guid inspectionId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamStateAsync(inspectionId))?.Version ?? 0;
    }

    public static async Task<IReadOnlyList<IEvent>> Events(this IAlbaHost host, Guid inspectionId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.FetchStreamAsync(inspectionId);
    }

    public static async Task<IReadOnlyList<CurrentJudgement>> CurrentJudgements(this IAlbaHost host, Guid inspectionId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<CurrentJudgement>().Where(j => j.InspectionId == inspectionId).ToListAsync();
    }

    /// <summary>Every (case, question) pair the framework asks of these cases, in a stable order.</summary>
    public static IReadOnlyList<(Guid CaseId, string QuestionId)> ApplicablePairs(this IAlbaHost host, IEnumerable<SampledCase> cases)
    {
        var framework = host.Services.GetRequiredService<FrameworkCatalog>().Latest("cci-2009")!;
        var questions = framework.Sections.SelectMany(s => s.Criteria).SelectMany(c => c.Questions).ToList();
        return [.. cases.SelectMany(@case => questions.Where(q => q.AppliesTo(@case)).Select(q => (@case.Id, q.Id)))];
    }

    public static async Task<JsonElement> ProblemOf(this IScenarioResult result) =>
        JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;

    public static async Task<T> ReadAs<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;
}
