namespace CaseLedger.Tests.Inspections.Rating;

/// <summary>
/// A whole inspection under hmip-youth-2021, built so that every rating can be counted by hand. Five court cases and
/// five out-of-court cases. Each key question's answers are set so it lands where the comments say. The lead then
/// rates the six evidence standards and overrides 3.3. The counted standards add up to 24 of 36 points: Good.
/// </summary>
public sealed record YouthInspection(Guid Id, string Yot, IReadOnlyList<SampledCase> Court, IReadOnlyList<SampledCase> OutOfCourt)
{
    public const string Framework = "hmip-youth-2021";

    /// <summary>Per key question, the five cases' answers: S sufficient, I insufficient, N not applicable.</summary>
    public static readonly IReadOnlyDictionary<string, string> Answers = new Dictionary<string, string>
    {
        ["2.1.1"] = "SSSSS", ["2.1.2"] = "SSSSI", ["2.1.3"] = "SSSII",      // 100, 80, 60: requires improvement, set by 2.1.3
        ["2.2.1"] = "SSSSS", ["2.2.2"] = "SSSSS", ["2.2.3"] = "SSSSI",      // 100, 100, 80: outstanding
        ["2.3.1"] = "SSSIN", ["2.3.2"] = "SSSIN", ["2.3.3"] = "SSSIN",      // 75 each: good, set by the first
        ["2.4.1"] = "SSSSS", ["2.4.2"] = "SSIII", ["2.4.3"] = "SSSSS",      // 100, 40, 100: inadequate
        ["3.1.1"] = "SSSSS", ["3.1.2"] = "SSSSS", ["3.1.3"] = "SSSSS",      // outstanding
        ["3.2.1"] = "SSSSI", ["3.2.2"] = "SSSSS", ["3.2.3"] = "SSSSS",      // 80: outstanding
        ["3.3.1"] = "SSSII", ["3.3.2"] = "SSSSS", ["3.3.3"] = "SSSSS",      // 60: requires improvement, overridden to good
    };

    public static readonly IReadOnlyDictionary<string, string> Evidence = new Dictionary<string, string>
    {
        ["1.1"] = "good", ["1.2"] = "outstanding", ["1.3"] = "good", ["1.4"] = "requires-improvement", ["3.4"] = "good", ["4.1"] = "outstanding",
    };

    public static async Task<YouthInspection> RecordAsync(IAlbaHost host, string? yot = null, bool rate = true)
    {
        yot ??= $"youth-{Guid.NewGuid():N}"[..18];
        await host.GivenYot(yot, region: "North West");
        var opened = await host.Scenario(s =>
        {
            s.AsLead().Post.Json(Scenarios.OpenBody(framework: Framework, yot: yot)).ToUrl("/inspections");
            s.StatusCodeShouldBe(201);
        });
        var id = opened.ReadAsJson<InspectionSummary>()!.Id;
        var court = new List<SampledCase>();
        var outOfCourt = new List<SampledCase>();
        for (var i = 1; i <= 5; i++)
        {
            court.Add(await host.GivenCase(id, $"C{i}"));
            outOfCourt.Add(await host.GivenCase(id, $"O{i}", sentenceType: "out-of-court-disposal"));
        }
        await host.OpenWeek(id, 1);
        var judgements = Answers.SelectMany(entry => entry.Value.Select((answer, i) => new
        {
            caseId = (entry.Key.StartsWith('2') ? court : outOfCourt)[i].Id,
            questionId = entry.Key,
            answer = answer switch { 'S' => "sufficient", 'I' => "insufficient", _ => "not-applicable" },
        }));
        await host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { judgements }).ToUrl($"/inspections/{id}/judgements/batch");
            s.StatusCodeShouldBe(201);
        });
        await host.CloseWeek(id, 1);
        if (rate)
        {
            foreach (var (standard, rating) in Evidence)
                await Post(host, $"/inspections/{id}/ratings", new { standardId = standard, rating, rationale = $"Evidence for {standard}" }, 200);
            await Post(host, $"/inspections/{id}/ratings/3.3/override", new { rating = "good", rationale = "The two insufficient cases were transferred mid-disposal" }, 200);
        }
        return new YouthInspection(id, yot, court, outOfCourt);
    }

    public static async Task<string> Post(IAlbaHost host, string url, object body, int status)
    {
        var result = await host.Scenario(s =>
        {
            s.AsLead().Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(status);
        });
        return await result.ReadAsTextAsync();
    }
}
