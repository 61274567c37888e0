using CaseLedger.Api.Inspections.Judging;

namespace CaseLedger.Tests.Inspections.Judging;

[Collection(ApiCollection.Name)]
public sealed class ChangeJudgementTests(AppFixture app)
{
    [Fact]
    public async Task A_revision_then_a_moderation_move_the_version_and_the_history_shows_both()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var judgement = await app.Host.GivenJudgement(id, cases[0].Id);

        var revised = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { answer = "insufficient", reasons = new[] { "not-completed" }, note = "checked again", expectedVersion = 1 })
                .ToUrl($"/inspections/{id}/judgements/{judgement.Id}/revisions");
            s.StatusCodeShouldBeOk();
        });
        var moderated = await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { answer = "sufficient", rationale = "screening was on the paper file", expectedVersion = 2 })
                .ToUrl($"/inspections/{id}/judgements/{judgement.Id}/moderations");
            s.StatusCodeShouldBeOk();
        });

        Assert.Equal((Answer.Insufficient, 2), (revised.ReadAsJson<JudgementView>()!.Answer, revised.ReadAsJson<JudgementView>()!.Version));
        var after = moderated.ReadAsJson<JudgementView>()!;
        Assert.Equal((Answer.Sufficient, 3, true), (after.Answer, after.Version, after.Moderated));
        var events = await app.Host.Events(id);
        var moderation = Assert.IsType<JudgementModerated>(events[^1].Data);
        Assert.Equal((Answer.Insufficient, Answer.Sufficient, "screening was on the paper file", 3),
            (moderation.Previous, moderation.Answer, moderation.Rationale, moderation.Version));

        var history = await app.Host.Scenario(s => s.AsLead().Get.Url($"/inspections/{id}/judgements/{judgement.Id}/history"));
        var changes = (await history.ProblemOf()).GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["recorded", "revised", "moderated"], changes.Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal([Scenarios.Inspector, Scenarios.Inspector, Scenarios.Lead], changes.Select(c => c.GetProperty("by").GetString()));
        Assert.Equal("checked again", changes[1].GetProperty("note").GetString());
        Assert.Equal("screening was on the paper file", changes[2].GetProperty("rationale").GetString());
        Assert.All(changes, c => Assert.Equal(1, c.GetProperty("week").GetInt32()));
        Assert.Equal("lead-inspector", changes[2].GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_stale_version_is_a_409_showing_the_current_value()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var judgement = await app.Host.GivenJudgement(id, cases[0].Id);
        await app.Host.Scenario(s => { s.AsInspector().Post.Json(new { answer = "insufficient", expectedVersion = 1 }).ToUrl($"/inspections/{id}/judgements/{judgement.Id}/revisions"); s.StatusCodeShouldBeOk(); });
        var version = await app.Host.StreamVersion(id);

        var stale = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { answer = "not-applicable", expectedVersion = 1 }).ToUrl($"/inspections/{id}/judgements/{judgement.Id}/revisions");
            s.StatusCodeShouldBe(409);
        });

        var current = (await stale.ProblemOf()).GetProperty("current");
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal("insufficient", current.GetProperty("answer").GetString());
        Assert.Equal(version, await app.Host.StreamVersion(id));
    }

    [Theory]
    [InlineData("moderation-without-rationale", 400)]
    [InlineData("moderation-by-an-inspector", 403)]
    [InlineData("revision-without-version", 400)]
    [InlineData("revision-changing-nothing", 409)]
    [InlineData("unknown-judgement", 404)]
    [InlineData("revision-after-the-week-closed", 409)]
    public async Task Bad_changes_are_refused_and_append_nothing(string what, int status)
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var judgement = await app.Host.GivenJudgement(id, cases[0].Id);
        if (what == "revision-after-the-week-closed") await app.Host.CloseWeek(id, 1);
        var version = await app.Host.StreamVersion(id);
        var target = what == "unknown-judgement" ? Guid.NewGuid() : judgement.Id;

        await app.Host.Scenario(s =>
        {
            var scenario = what == "moderation-by-an-inspector" ? s.AsInspector() : what.StartsWith("moderation") ? s.AsLead() : s.AsInspector();
            var (kind, body) = what switch
            {
                "moderation-without-rationale" => ("moderations", (object)new { answer = "insufficient", expectedVersion = 1 }),
                "moderation-by-an-inspector" => ("moderations", new { answer = "insufficient", rationale = "because", expectedVersion = 1 }),
                "revision-without-version" => ("revisions", new { answer = "insufficient" }),
                "revision-changing-nothing" => ("revisions", new { answer = "sufficient", expectedVersion = 1 }),
                _ => ("revisions", new { answer = "insufficient", expectedVersion = 1 }),
            };
            scenario.Post.Json(body).ToUrl($"/inspections/{id}/judgements/{target}/{kind}");
            s.StatusCodeShouldBe(status);
        });

        Assert.Equal(version, await app.Host.StreamVersion(id));
    }
}
