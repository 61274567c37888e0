using System.Net.Http.Json;
using Alba;
using CaseLedger.Api.Demo;
using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Scoring;
using CaseLedger.Tests.Inspections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseLedger.Tests.Demo;

/// <summary>The demo load against the test host, and what an auditor reads back through the API.</summary>
public static class DemoReads
{
    private static readonly SemaphoreSlim Loading = new(1, 1);
    private static bool loaded;

    /// <summary>Loads the five seed inspections once per test run; a later call finds them published.</summary>
    public static async Task EnsureDemoLoaded(this IAlbaHost host)
    {
        await Loading.WaitAsync();
        try
        {
            if (!loaded) await host.LoadDemo(DemoInspections.All);
            loaded = true;
        }
        finally
        {
            Loading.Release();
        }
    }

    public static Task<IReadOnlyList<DemoLoadResult>> LoadDemo(this IAlbaHost host, IReadOnlyList<DemoInspection> inspections, HttpClient? client = null) =>
        new DemoLoader(client ?? host.Server.CreateClient(), TestTokens.SigningKey, host.Services.GetRequiredService<FrameworkCatalog>(), NullLogger.Instance)
            .LoadAsync(inspections, CancellationToken.None);

    public static HttpClient Auditor(this IAlbaHost host) => host.ClientAs("auditor-demo-tests", Roles.Auditor);

    public static async Task<InspectionSummary> Summary(this IAlbaHost host, Guid id) =>
        await (await host.Auditor().GetAsync($"/inspections/{id}")).EnsureSuccessStatusCode().ReadAs<InspectionSummary>();

    public static async Task<IReadOnlyList<JudgementView>> Judgements(this IAlbaHost host, Guid id) =>
        await (await host.Auditor().GetAsync($"/inspections/{id}/judgements")).EnsureSuccessStatusCode().ReadAs<List<JudgementView>>();

    /// <summary>
    /// An inspection's current scores, computed by the scoring engine from the judgements an auditor reads through the
    /// API. Once the score views serve them, <c>GET /inspections/{id}/scores</c> is the reader to check instead.
    /// </summary>
    public static ReadScores ScoresFromJudgements(this IAlbaHost host) => async id =>
    {
        var summary = await host.Summary(id);
        var framework = host.Services.GetRequiredService<FrameworkCatalog>().Find(summary.FrameworkId, summary.FrameworkVersion)!;
        var judgements = await host.Judgements(id);
        return ScoreChecks.FromAnswers(ScoringScheme.From(framework), judgements.Select(j => new CaseAnswer(j.CaseId, j.QuestionId, j.Answer)));
    };

    public static async Task<IReadOnlyList<System.Text.Json.JsonElement>> History(this IAlbaHost host, Guid id, Guid judgementId)
    {
        var body = await (await host.Auditor().GetAsync($"/inspections/{id}/judgements/{judgementId}/history"))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return [.. body.GetProperty("changes").EnumerateArray()];
    }
}
