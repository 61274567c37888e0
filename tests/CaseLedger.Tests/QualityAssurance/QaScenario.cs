namespace CaseLedger.Tests.QualityAssurance;

/// <summary>
/// An inspection built for hand counts. Two inspectors each judge one case a week for two weeks, on six questions of
/// criterion 1.1 (all key to the risk-of-harm theme), every answer sufficient except B's first question in week 1.
/// The lead samples all 24 judgements. Then the lead overturns inspector A once in week 1 and four times in week 2
/// (drift), and B once. Question 1.1.a is overturned in both directions. A's last judgement is left pending, and
/// every other one is confirmed. With <c>settle: false</c> it stops once the judgements are in, before any QA, and
/// with <c>closeLastWeek: false</c> week 2 stays open.
/// </summary>
public sealed record QaScenario(
    Guid Id, Guid SampleId, long Seed, string A, string B, IReadOnlyDictionary<(string Inspector, int Week, string Question), Guid> Judgements)
{
    public static readonly string[] Questions = ["1.1.a", "1.1.b", "1.1.c", "1.1.g", "1.1.m", "1.1.o"];

    /// <summary>What the lead moderates, to which answer; everything else is confirmed but A's week-2 1.1.o.</summary>
    public static IReadOnlyList<(string Inspector, int Week, string Question, string To)> Overturns(string a, string b) =>
    [
        (a, 1, "1.1.a", "insufficient"),
        (a, 2, "1.1.a", "insufficient"),
        (a, 2, "1.1.b", "insufficient"),
        (a, 2, "1.1.c", "insufficient"),
        (a, 2, "1.1.g", "not-applicable"),
        (b, 1, "1.1.a", "sufficient"),
    ];

    public static (string Inspector, int Week, string Question) LeftPending(string a) => (a, 2, "1.1.o");

    /// <summary>Two inspectors of their own (unless named), so figures across inspections count this test's alone.</summary>
    public static (string A, string B) NewInspectors()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return ($"qa-a-{suffix}", $"qa-b-{suffix}");
    }

    public static async Task<QaScenario> GivenAsync(
        IAlbaHost host, (string A, string B)? inspectors = null, string lead = Scenarios.Lead, long seed = 20_140_915, bool settle = true,
        bool closeLastWeek = true)
    {
        var (A, B) = inspectors ?? NewInspectors();
        var yot = $"qa-{Guid.NewGuid():N}"[..16];
        await host.GivenYot(yot);
        var opened = await host.Scenario(s =>
        {
            s.As(lead, Roles.LeadInspector).Post.Json(new
            {
                frameworkId = "cci-2009",
                yot = new { code = yot },
                fieldworkWeeks = new[] { new { number = 1, startsOn = "2012-02-06" }, new { number = 2, startsOn = "2012-03-05" } },
                team = new[] { new { userId = A, role = TeamRoles.Inspector }, new { userId = B, role = TeamRoles.Inspector } },
            }).ToUrl("/inspections");
            s.StatusCodeShouldBe(201);
        });
        var id = opened.ReadAsJson<InspectionSummary>()!.Id;
        var cases = new Dictionary<(string, int), Guid>();
        foreach (var (inspector, letter, week) in new[] { (A, "A", 1), (B, "B", 1), (A, "A", 2), (B, "B", 2) })
            cases[(inspector, week)] = (await Case(host, id, lead, $"{letter}{week}")).Id;

        var judgements = new Dictionary<(string, int, string), Guid>();
        for (var week = 1; week <= 2; week++)
        {
            await Lead(host, lead, $"/inspections/{id}/weeks/{week}/open", null, 200);
            foreach (var inspector in new[] { A, B })
                foreach (var question in Questions)
                {
                    var answer = (inspector, week, question) == (B, 1, "1.1.a") ? "insufficient" : "sufficient";
                    var recorded = await host.Scenario(s =>
                    {
                        s.As(inspector, Roles.Inspector).Post.Json(new { caseId = cases[(inspector, week)], questionId = question, answer })
                            .ToUrl($"/inspections/{id}/judgements");
                        s.StatusCodeShouldBe(201);
                    });
                    judgements[(inspector, week, question)] = recorded.ReadAsJson<Api.Inspections.Judging.JudgementView>()!.Id;
                }
            if (week == 1 || closeLastWeek) await Lead(host, lead, $"/inspections/{id}/weeks/{week}/close", null, 200);
        }

        var judged = new QaScenario(id, Guid.Empty, seed, A, B, judgements);
        if (!settle) return judged;
        var drawn = JsonDocument.Parse(await Lead(host, lead, $"/inspections/{id}/qa-samples", new { perInspector = 12, seed }, 201)).RootElement;
        var sampleId = drawn.GetProperty("id").GetGuid();

        foreach (var (inspector, week, question, to) in Overturns(A, B))
            await Lead(host, lead, $"/inspections/{id}/judgements/{judgements[(inspector, week, question)]}/moderations",
                new { answer = to, rationale = "QA: the case record does not bear this out", expectedVersion = 1 }, 200);
        foreach (var (key, judgement) in judgements)
        {
            if (Overturns(A, B).Any(o => (o.Inspector, o.Week, o.Question) == key) || key == LeftPending(A)) continue;
            await Lead(host, lead, $"/inspections/{id}/judgements/{judgement}/confirmations", new { expectedVersion = 1, note = "agreed" }, 200);
        }
        return judged with { SampleId = sampleId };
    }

    public static async Task<string> Lead(IAlbaHost host, string lead, string url, object? body, int status)
    {
        var result = await host.Scenario(s =>
        {
            var call = s.As(lead, Roles.LeadInspector);
            if (body is null) call.Post.Url(url);
            else call.Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(status);
        });
        return await result.ReadAsTextAsync();
    }

    private static async Task<SampledCase> Case(IAlbaHost host, Guid id, string lead, string reference)
    {
        var result = await host.Scenario(s =>
        {
            s.As(lead, Roles.LeadInspector).Post.Json(new { reference, sentenceType = "youth-rehabilitation-order", setting = "community", riskOfHarm = "high", ageAtStart = 15 })
                .ToUrl($"/inspections/{id}/cases");
            s.StatusCodeShouldBe(201);
        });
        return result.ReadAsJson<SampledCase>()!;
    }
}
