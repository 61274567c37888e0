using System.Net.Http.Json;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Demo;
using Marten.Events;
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
    /// An inspection's current scores, recounted by the scoring engine from the judgements an auditor reads through
    /// the API: a second reader, independent of the views.
    /// </summary>
    public static ReadScores ScoresFromJudgements(this IAlbaHost host) => async id =>
    {
        var summary = await host.Summary(id);
        var framework = host.Services.GetRequiredService<FrameworkCatalog>().Find(summary.FrameworkId, summary.FrameworkVersion)!;
        var judgements = await host.Judgements(id);
        return ScoreChecks.FromAnswers(ScoringScheme.From(framework), judgements.Select(j => new CaseAnswer(j.CaseId, j.QuestionId, j.Answer)));
    };

    /// <summary>
    /// An inspection's scores as the score view serves them to a reporting client, once the daemon has caught up:
    /// the figures a published report's reader would see.
    /// </summary>
    public static ReadScores ScoresFromViews(this IAlbaHost host) => async id =>
    {
        await host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var body = await (await host.ClientAs("reporting-demo-tests", Roles.ReportingClient).GetAsync($"/inspections/{id}/scores"))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return [.. body.GetProperty("scores").EnumerateArray().Select(score => new ScoreFigure(
            Enum.Parse<ScopeKind>(score.GetProperty("kind").GetString()!, ignoreCase: true),
            score.GetProperty("id").GetString()!,
            score.GetProperty("score").ValueKind == System.Text.Json.JsonValueKind.Null ? null : score.GetProperty("score").GetInt32(),
            score.GetProperty("band").ValueKind == System.Text.Json.JsonValueKind.Null ? null : score.GetProperty("band").GetProperty("label").GetString()))];
    };

    public static async Task<IReadOnlyList<System.Text.Json.JsonElement>> History(this IAlbaHost host, Guid id, Guid judgementId)
    {
        var body = await (await host.Auditor().GetAsync($"/inspections/{id}/judgements/{judgementId}/history"))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return [.. body.GetProperty("changes").EnumerateArray()];
    }
}
