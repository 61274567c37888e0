using CaseLedger.Api.Inspections.Judging;

namespace CaseLedger.Tests.Inspections.Judging;

[Collection(ApiCollection.Name)]
public sealed class RecordJudgementTests(AppFixture app)
{
    [Fact]
    public async Task A_judgement_is_recorded_with_who_which_week_and_which_request()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var judgementId = Guid.NewGuid();

        var result = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { id = judgementId, caseId = cases[0].Id, questionId = "1.1.a", answer = "insufficient", reasons = new[] { "not-completed" }, note = "no screening on file" })
                .ToUrl($"/inspections/{id}/judgements");
            s.WithRequestHeader("X-Correlation-Id", "req-123");
            s.StatusCodeShouldBe(201);
            s.Header("Location").SingleValueShouldEqual($"/inspections/{id}/judgements/{judgementId}");
        });

        var view = result.ReadAsJson<JudgementView>()!;
        Assert.Equal((Answer.Insufficient, 1, 1), (view.Answer, view.Version, view.Week));
        var recorded = (await app.Host.Events(id))[^1];
        var data = Assert.IsType<JudgementRecorded>(recorded.Data);
        Assert.Equal((judgementId, cases[0].Id, "1.1.a", Answer.Insufficient, "no screening on file"),
            (data.JudgementId, data.CaseId, data.QuestionId, data.Answer, data.Note));
        Assert.Equal(["not-completed"], data.Reasons);
        Assert.Equal(Scenarios.Inspector, recorded.UserName);
        Assert.Equal("req-123", recorded.CorrelationId);
        Assert.Equal(TeamRoles.Inspector, recorded.GetHeader("role")?.ToString());
        Assert.Equal("1", recorded.GetHeader("week")?.ToString());
    }

    [Fact]
    public async Task A_retry_with_the_same_id_and_content_returns_the_first_result_and_appends_nothing()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var body = new { id = Guid.NewGuid(), caseId = cases[0].Id, questionId = "1.1.a", answer = "sufficient" };

        var first = await app.Host.Scenario(s => { s.AsInspector().Post.Json(body).ToUrl($"/inspections/{id}/judgements"); s.StatusCodeShouldBe(201); });
        var version = await app.Host.StreamVersion(id);
        var second = await app.Host.Scenario(s => { s.AsInspector().Post.Json(body).ToUrl($"/inspections/{id}/judgements"); s.StatusCodeShouldBe(201); });

        Assert.Equal(await first.ReadAsTextAsync(), await second.ReadAsTextAsync());
        Assert.Equal(version, await app.Host.StreamVersion(id));
    }

    [Fact]
    public async Task The_same_id_with_different_content_is_a_409()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var judgementId = Guid.NewGuid();
        await app.Host.Scenario(s => { s.AsInspector().Post.Json(new { id = judgementId, caseId = cases[0].Id, questionId = "1.1.a", answer = "sufficient" }).ToUrl($"/inspections/{id}/judgements"); s.StatusCodeShouldBe(201); });
        var version = await app.Host.StreamVersion(id);

        await app.Host.Scenario(s => { s.AsInspector().Post.Json(new { id = judgementId, caseId = cases[0].Id, questionId = "1.1.a", answer = "insufficient" }).ToUrl($"/inspections/{id}/judgements"); s.StatusCodeShouldBe(409); });

        Assert.Equal(version, await app.Host.StreamVersion(id));
    }

    [Fact]
    public async Task A_second_judgement_for_a_case_and_question_is_a_409_pointing_at_the_first()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var first = await app.Host.GivenJudgement(id, cases[0].Id);
        var version = await app.Host.StreamVersion(id);

        var result = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { caseId = cases[0].Id, questionId = "1.1.a", answer = "insufficient" }).ToUrl($"/inspections/{id}/judgements");
            s.StatusCodeShouldBe(409);
        });

        var problem = await result.ProblemOf();
        Assert.Equal(first.Id, problem.GetProperty("existing").GetProperty("id").GetGuid());
        Assert.Equal($"/inspections/{id}/judgements/{first.Id}", problem.GetProperty("existingLocation").GetString());
        Assert.Equal(version, await app.Host.StreamVersion(id));
    }

    [Theory]
    [InlineData("unknown-case", 404)]
    [InlineData("unknown-question", 409)]
    [InlineData("custody-question-on-community-case", 409)]
    [InlineData("bad-answer", 400)]
    [InlineData("reasons-with-sufficient", 400)]
    [InlineData("unknown-reason", 400)]
    [InlineData("missing-fields", 400)]
    [InlineData("not-on-team", 404)]
    [InlineData("unknown-inspection", 404)]
    public async Task Bad_judgements_are_refused_and_append_nothing(string what, int status)
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var custodyOnly = app.Host.ApplicablePairs([cases[0] with { Setting = "custody" }]).Select(p => p.QuestionId)
            .Except(app.Host.ApplicablePairs([cases[0]]).Select(p => p.QuestionId)).First();
        object body = what switch
        {
            "unknown-case" => new { caseId = Guid.NewGuid(), questionId = "1.1.a", answer = "sufficient" },
            "unknown-question" => new { caseId = cases[0].Id, questionId = "9.9.z", answer = "sufficient" },
            "custody-question-on-community-case" => new { caseId = cases[0].Id, questionId = custodyOnly, answer = "sufficient" },
            "bad-answer" => new { caseId = cases[0].Id, questionId = "1.1.a", answer = "maybe" },
            "reasons-with-sufficient" => new { caseId = cases[0].Id, questionId = "1.1.a", answer = "sufficient", reasons = new[] { "not-completed" } },
            "unknown-reason" => new { caseId = cases[0].Id, questionId = "1.1.a", answer = "insufficient", reasons = new[] { "felt-like-it" } },
            "missing-fields" => new { },
            _ => new { caseId = cases[0].Id, questionId = "1.1.a", answer = "sufficient" },
        };
        var url = what == "unknown-inspection" ? $"/inspections/{Guid.NewGuid()}/judgements" : $"/inspections/{id}/judgements";
        var version = await app.Host.StreamVersion(id);

        await app.Host.Scenario(s =>
        {
            (what == "not-on-team" ? s.As("stranger", TeamRoles.Inspector) : s.AsInspector()).Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });

        Assert.Equal(version, await app.Host.StreamVersion(id));
    }

    [Fact]
    public async Task Recording_outside_an_open_week_is_a_409()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        await app.Host.CloseWeek(id, 1);
        var version = await app.Host.StreamVersion(id);

        await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { caseId = cases[0].Id, questionId = "1.1.a", answer = "sufficient" }).ToUrl($"/inspections/{id}/judgements");
            s.StatusCodeShouldBe(409);
        });

        Assert.Equal(version, await app.Host.StreamVersion(id));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var huge = new string('x', 9 * 1024 * 1024);
        var version = await app.Host.StreamVersion(id);

        await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { caseId = cases[0].Id, questionId = "1.1.a", answer = "sufficient", note = huge }).ToUrl($"/inspections/{id}/judgements");
            s.StatusCodeShouldBe(413);
        });

        Assert.Equal(version, await app.Host.StreamVersion(id));
    }

    [Fact]
    public async Task Current_judgements_are_listed_and_filtered()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        await app.Host.GivenJudgement(id, cases[0].Id, "1.1.a");
        await app.Host.GivenJudgement(id, cases[0].Id, "1.1.b");
        await app.Host.GivenJudgement(id, cases[1].Id, "1.1.a");

        var all = (await app.Host.Scenario(s => s.AsLead().Get.Url($"/inspections/{id}/judgements"))).ReadAsJson<List<JudgementView>>()!;
        var oneCase = (await app.Host.Scenario(s => s.AsLead().Get.Url($"/inspections/{id}/judgements?caseId={cases[0].Id}"))).ReadAsJson<List<JudgementView>>()!;
        var oneQuestion = (await app.Host.Scenario(s => s.AsLead().Get.Url($"/inspections/{id}/judgements?questionId=1.1.a"))).ReadAsJson<List<JudgementView>>()!;

        Assert.Equal(3, all.Count);
        Assert.Equal(["1.1.a", "1.1.b"], oneCase.Select(j => j.QuestionId));
        Assert.All(oneQuestion, j => Assert.Equal("1.1.a", j.QuestionId));
        Assert.Equal(2, oneQuestion.Count);
    }

    [Fact]
    public async Task A_user_named_in_the_body_is_refused_the_actor_comes_from_the_token()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var version = await app.Host.StreamVersion(id);

        await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { caseId = cases[0].Id, questionId = "1.1.a", answer = "sufficient", recordedBy = Scenarios.Lead })
                .ToUrl($"/inspections/{id}/judgements");
            s.StatusCodeShouldBe(400);
        });

        Assert.Equal(version, await app.Host.StreamVersion(id));
    }
}
