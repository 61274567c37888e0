using Marten.Events;

namespace CaseLedger.Tests.Scores;

public static class ViewScenarios
{
    public const string Auditor = "auditor-1";

    public sealed record Answered(Guid Id, Guid CaseId, string QuestionId, string Answer);

    public static Framework Framework(this IAlbaHost host, string id) =>
        host.Services.GetRequiredService<FrameworkCatalog>().Latest(id)!;

    /// <summary>Opens an inspection of a YOT, samples cases, opens week 1 and records answers chosen by <paramref name="answer"/>.</summary>
    public static async Task<(Guid Id, List<Answered> Answers)> GivenScoredInspection(
        this IAlbaHost host, string framework, string yotCode, string region, string startsOn, int cases, int judgements,
        Func<int, string> answer)
    {
        await host.GivenYot(yotCode, region: region);
        var result = await host.Scenario(s =>
        {
            s.AsLead().Post.Json(new
            {
                frameworkId = framework,
                yot = new { code = yotCode },
                fieldworkWeeks = new[] { new { number = 1, startsOn }, new { number = 2, startsOn = DateOnly.Parse(startsOn).AddDays(14).ToString("yyyy-MM-dd") } },
                team = new[] { new { userId = Scenarios.Inspector, role = TeamRoles.Inspector } },
            }).ToUrl("/inspections");
            s.StatusCodeShouldBe(201);
        });
        var id = result.ReadAsJson<InspectionSummary>()!.Id;
        var sample = new List<SampledCase>();
        for (var i = 1; i <= cases; i++) sample.Add(await host.GivenCase(id, $"C{i:00}"));
        await host.OpenWeek(id, 1);

        var questions = host.Framework(framework).Sections.SelectMany(s => s.Criteria).SelectMany(c => c.Questions).ToList();
        var pairs = sample.SelectMany(c => questions.Where(q => Api.Inspections.Judging.QuestionApplicability.AppliesTo(q, c)).Select(q => (c.Id, q.Id))).Take(judgements).ToList();
        var answers = pairs.Select((pair, i) => new Answered(Guid.NewGuid(), pair.Item1, pair.Item2, answer(i))).ToList();
        await host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { judgements = answers.Select(a => new { id = a.Id, caseId = a.CaseId, questionId = a.QuestionId, answer = a.Answer }) })
                .ToUrl($"/inspections/{id}/judgements/batch");
            s.StatusCodeShouldBe(201);
        });
        return (id, answers);
    }

    public static async Task Publish(this IAlbaHost host, Guid id)
    {
        await host.CloseWeek(id, 1);
        await host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/publish"); s.StatusCodeShouldBeOk(); });
    }

    public static async Task<JsonElement> GetJson(this IAlbaHost host, string url, string user = Auditor, string role = Roles.Auditor, int status = 200)
    {
        var result = await host.Scenario(s =>
        {
            s.As(user, role).Get.Url(url);
            s.StatusCodeShouldBe(status);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone();
    }

    public static async Task<string> GetText(this IAlbaHost host, string url, string accept = "application/json")
    {
        var result = await host.Scenario(s =>
        {
            s.As(Auditor, Roles.Auditor).Get.Url(url);
            s.WithRequestHeader("Accept", accept);
        });
        return await result.ReadAsTextAsync();
    }

    public static Task CaughtUp(this IAlbaHost host) => host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    public static JsonElement Scope(this JsonElement scores, string kind, string id) =>
        scores.EnumerateArray().Single(s => s.GetProperty("kind").GetString() == kind && s.GetProperty("id").GetString() == id);

    public static int? IntOrNull(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetInt32();
}
