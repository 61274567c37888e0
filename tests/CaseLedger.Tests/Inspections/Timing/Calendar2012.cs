namespace CaseLedger.Tests.Inspections.Timing;

/// <summary>The timing tests' inspection calendar: opened 20 January 2012, week 1 from Monday 6 February, week 2
/// from 5 March; every step states when it happened.</summary>
public static class Calendar2012
{
    public static async Task<Guid> OpenIn2012(this IAlbaHost host, string yot)
    {
        var opened = await host.Scenario(s =>
        {
            s.AsLead().Post.Json(new
            {
                frameworkId = "cci-2009", yot = new { code = yot }, occurredAt = "2012-01-20T09:00:00Z",
                fieldworkWeeks = new[] { new { number = 1, startsOn = "2012-02-06" }, new { number = 2, startsOn = "2012-03-05" } },
                team = new[] { new { userId = Scenarios.Inspector, role = TeamRoles.Inspector } },
            }).ToUrl("/inspections");
            s.StatusCodeShouldBe(201);
        });
        return opened.ReadAsJson<InspectionSummary>()!.Id;
    }

    public static async Task<SampledCase> SampleStated(this IAlbaHost host, Guid inspection, string occurredAt)
    {
        var added = await host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { reference = "C01", sentenceType = "youth-rehabilitation-order", setting = "community", riskOfHarm = "high", ageAtStart = 15, occurredAt })
                .ToUrl($"/inspections/{inspection}/cases");
            s.StatusCodeShouldBe(201);
        });
        return added.ReadAsJson<SampledCase>()!;
    }

    /// <summary>A step that answers 200, by the lead or the inspector.</summary>
    public static Task PostStated(this IAlbaHost host, string url, object body, bool lead) => host.Scenario(s =>
    {
        (lead ? s.AsLead() : s.AsInspector()).Post.Json(body).ToUrl(url);
        s.StatusCodeShouldBeOk();
    });
}
