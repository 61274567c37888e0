namespace CaseLedger.Tests.Inspections.Timing;

/// <summary>Each rule a stated valid time must keep (DESIGN §11), on inspections of the same 2012 calendar as
/// <see cref="ValidTimeTests"/>: each breach is a 400 naming <c>occurredAt</c> and the allowed range, and appends
/// nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class ValidTimeRuleTests(AppFixture app)
{
    private readonly string yot = $"vr-{Guid.NewGuid():N}"[..20];

    [Theory]
    [InlineData("future", "(now, ")]
    [InlineData("before-opened", "from 2012-01-20T09:00:00Z (the inspection opened)")]
    [InlineData("outside-week-start", "from 2012-02-06T00:00:00Z (week 1 starts)")]
    [InlineData("outside-week", "until before 2012-03-05T00:00:00Z (week 2 starts)")]
    [InlineData("before-the-previous-step", "(the inspection's previous step)")]
    [InlineData("not-a-time", "ISO")]
    public async Task A_stated_time_outside_its_range_is_a_400_naming_the_field_and_the_range_and_appends_nothing(string what, string says)
    {
        var (inspection, caseId, question) = await FreshInFieldwork(closeWeek: what == "before-the-previous-step", openWeek: what is not ("future" or "before-opened"));
        var before = await app.Host.StreamVersion(inspection);
        var future = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        var (url, body) = what switch
        {
            "future" => ($"/inspections/{inspection}/cases", (object)new { reference = "C02", sentenceType = "youth-rehabilitation-order", setting = "community", riskOfHarm = "high", ageAtStart = 15, occurredAt = future }),
            "before-opened" => ($"/inspections/{inspection}/cases", new { reference = "C02", sentenceType = "youth-rehabilitation-order", setting = "community", riskOfHarm = "high", ageAtStart = 15, occurredAt = "2012-01-10T09:00:00Z" }),
            "outside-week-start" => ($"/inspections/{inspection}/judgements", new { caseId, questionId = question, answer = "sufficient", occurredAt = "2012-02-05T23:59:59Z" }),
            "outside-week" => ($"/inspections/{inspection}/judgements", new { caseId, questionId = question, answer = "sufficient", occurredAt = "2012-03-06T09:00:00Z" }),
            "before-the-previous-step" => ($"/inspections/{inspection}/publish", new { occurredAt = "2012-02-10T16:00:00Z" }),
            _ => ($"/inspections/{inspection}/judgements", new { caseId, questionId = question, answer = "sufficient", occurredAt = "last Tuesday" }),
        };

        var result = await app.Host.Scenario(s =>
        {
            (what is "outside-week" or "outside-week-start" or "not-a-time" ? s.AsInspector() : s.AsLead()).Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(400);
        });

        var problem = await result.ProblemOf();
        var message = problem.GetProperty("errors").GetProperty("occurredAt")[0].GetString()!;
        Assert.True(message.Contains(says), message);
        Assert.Equal(before, await app.Host.StreamVersion(inspection));
    }

    [Fact]
    public async Task No_request_sets_the_recorded_time()
    {
        var (inspection, caseId, question) = await FreshInFieldwork(closeWeek: false);
        var result = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { caseId, questionId = question, answer = "sufficient", recordedAt = "2012-02-07T09:00:00Z" })
                .ToUrl($"/inspections/{inspection}/judgements");
            s.StatusCodeShouldBe(400);
        });
        Assert.True((await result.ProblemOf()).GetProperty("errors").TryGetProperty("recordedAt", out _));
    }

    private async Task<(Guid Inspection, Guid CaseId, string Question)> FreshInFieldwork(bool closeWeek, bool openWeek = true)
    {
        await app.Host.GivenYot(yot);
        var inspection = await app.Host.OpenIn2012(yot);
        var sampled = await app.Host.SampleStated(inspection, openWeek ? "2012-01-25T10:00:00Z" : "2012-01-20T09:00:00Z");
        if (openWeek) await app.Host.PostStated($"/inspections/{inspection}/weeks/1/open", new { occurredAt = "2012-02-06T08:00:00Z" }, lead: true);
        var question = app.Host.ApplicablePairs([sampled]).First().QuestionId;
        if (closeWeek)
        {
            await app.Host.Scenario(s =>
            {
                s.AsInspector().Post.Json(new { caseId = sampled.Id, questionId = question, answer = "sufficient", occurredAt = "2012-02-09T10:00:00Z" })
                    .ToUrl($"/inspections/{inspection}/judgements");
                s.StatusCodeShouldBe(201);
            });
            await app.Host.PostStated($"/inspections/{inspection}/weeks/1/close", new { occurredAt = "2012-02-10T17:00:00Z" }, lead: true);
        }
        return (inspection, sampled.Id, question);
    }
}
