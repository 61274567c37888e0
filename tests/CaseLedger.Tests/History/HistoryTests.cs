namespace CaseLedger.Tests.History;

/// <summary>
/// One inspection, week by week. Week 1: A sufficient, B insufficient, C sufficient, D sufficient. Week 2: A revised
/// to insufficient and back (a listed change, not a moved score), B revised to sufficient, C revised to
/// not-applicable then moderated to insufficient (changed twice), E recorded insufficient. After fieldwork, D is
/// moderated to insufficient; then the inspection is published.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HistoryTests(AppFixture app) : IAsyncLifetime
{
    private readonly string yot = $"hist-{Guid.NewGuid():N}"[..20];
    private Guid id;
    private readonly Dictionary<string, (Guid Id, string QuestionId)> judgements = [];
    private string firstPageEarly = "";
    private string week1ClosedAt = "";

    public async Task InitializeAsync()
    {
        id = await app.Host.GivenInspection(yot: yot);
        var cases = new[] { await app.Host.GivenCase(id, "C01"), await app.Host.GivenCase(id, "C02") };
        var questions = app.Host.ApplicablePairs([cases[0]]).Select(p => p.QuestionId).Take(3).ToList();
        await app.Host.OpenWeek(id, 1);
        await Record("A", cases[0].Id, questions[0], "sufficient");
        await Record("B", cases[0].Id, questions[1], "insufficient");
        await Record("C", cases[1].Id, questions[0], "sufficient");
        await Record("D", cases[1].Id, questions[1], "sufficient");
        await app.Host.CloseWeek(id, 1);
        // A page is fixed once its events are sealed (a moment after commit, when they gain their leaves).
        await app.Host.CaughtUp();
        firstPageEarly = await app.Host.GetText($"/inspections/{id}/events?limit=3");
        var page = await app.Host.GetJson($"/inspections/{id}/events?after=0&limit=1000");
        week1ClosedAt = page.GetProperty("events").EnumerateArray().Last().GetProperty("occurredAt").GetString()!;

        await app.Host.OpenWeek(id, 2);
        await Change("A", "revisions", 1, "insufficient", note: "no screening found");
        await Change("A", "revisions", 2, "sufficient", note: "screening on the paper file");
        await Change("B", "revisions", 1, "sufficient");
        await Change("C", "revisions", 1, "not-applicable", note: "case transferred out");
        await Change("C", "moderations", 2, "insufficient", rationale: "transfer came after the assessment was due");
        await Record("E", cases[0].Id, questions[2], "insufficient");
        await app.Host.CloseWeek(id, 2);
        await Change("D", "moderations", 1, "insufficient", rationale: "plan not reviewed after the new offence");
        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/publish"); s.StatusCodeShouldBeOk(); });
        await app.Host.CaughtUp();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Dictionary<string, string> Week1 => new() { ["A"] = "sufficient", ["B"] = "insufficient", ["C"] = "sufficient", ["D"] = "sufficient" };

    private Dictionary<string, string> Week2 => new() { ["A"] = "sufficient", ["B"] = "sufficient", ["C"] = "insufficient", ["D"] = "sufficient", ["E"] = "insufficient" };

    private Dictionary<string, string> Final => new(Week2) { ["D"] = "insufficient" };

    [Theory]
    [InlineData("week:1")]
    [InlineData("week:2")]
    [InlineData("published")]
    [InlineData("timestamp")]
    public async Task Scores_at_a_point_are_the_scores_as_they_stood_then(string point)
    {
        var at = point == "timestamp" ? week1ClosedAt : point;
        var expected = point switch { "week:2" => Week2, "published" => Final, _ => Week1 };

        var view = await app.Host.GetJson($"/inspections/{id}/scores?at={Uri.EscapeDataString(at)}");

        AssertScores(expected, view.GetProperty("scores"));
        Assert.Equal(point == "published" ? "published" : "open", view.GetProperty("state").GetString());
    }

    [Fact]
    public async Task History_between_weeks_lists_moved_scores_and_every_changed_judgement()
    {
        var history = await app.Host.GetJson($"/inspections/{id}/history?from=week:1&to=week:2");

        var before = Count(Week1);
        var after = Count(Week2);
        var moved = history.GetProperty("movedScores").EnumerateArray().ToDictionary(m => (m.GetProperty("kind").GetString()!, m.GetProperty("id").GetString()!));
        var shouldMove = after.Keys.Where(scope => Exact(before[scope]) != Exact(after[scope])).ToHashSet();
        Assert.Equal(shouldMove.OrderBy(s => s), moved.Keys.OrderBy(s => s));
        foreach (var (scope, entry) in moved)
        {
            Assert.Equal(before[scope].Score, entry.GetProperty("before").IntOrNull("score"));
            Assert.Equal(after[scope].Score, entry.GetProperty("after").IntOrNull("score"));
            Assert.Equal(after[scope].Score - before[scope].Score, entry.IntOrNull("delta"));
            Assert.Equal(Band(before[scope].Score), entry.GetProperty("bandBefore").GetString());
            Assert.Equal(Band(after[scope].Score), entry.GetProperty("bandAfter").GetString());
        }

        var changed = history.GetProperty("changedJudgements").EnumerateArray().ToDictionary(j => j.GetProperty("judgementId").GetGuid());
        Assert.Equal(new[] { "A", "B", "C", "E" }.Select(name => judgements[name].Id).Order(), changed.Keys.Order());
        var a = changed[judgements["A"].Id];
        Assert.Equal(("sufficient", "sufficient"), (a.GetProperty("before").GetString(), a.GetProperty("after").GetString()));
        Assert.Equal(["revised", "revised"], Kinds(a));
        Assert.Equal(["no screening found", "screening on the paper file"], a.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("note").GetString()));
        var c = changed[judgements["C"].Id];
        Assert.Equal(["revised", "moderated"], Kinds(c));
        var moderation = c.GetProperty("changes")[1];
        Assert.Equal(("not-applicable", "insufficient", Scenarios.Lead, "lead-inspector", 2, "transfer came after the assessment was due"),
            (moderation.GetProperty("previous").GetString(), moderation.GetProperty("answer").GetString(), moderation.GetProperty("by").GetString(),
             moderation.GetProperty("role").GetString(), moderation.GetProperty("week").GetInt32(), moderation.GetProperty("rationale").GetString()));
        var e = changed[judgements["E"].Id];
        Assert.Equal(JsonValueKind.Null, e.GetProperty("before").ValueKind);
        Assert.Equal("C01", e.GetProperty("caseReference").GetString());
        Assert.Equal(Scenarios.Inspector, e.GetProperty("changes")[0].GetProperty("by").GetString());
    }

    [Fact]
    public async Task The_moderation_log_gives_each_moderations_impact_at_that_moment()
    {
        var log = await app.Host.GetJson($"/inspections/{id}/moderation");
        var byLead = await app.Host.GetJson($"/inspections/{id}/moderation?by={Scenarios.Lead}");
        var bySomeoneElse = await app.Host.GetJson($"/inspections/{id}/moderation?by=nobody");

        var moderations = log.GetProperty("moderations").EnumerateArray().ToList();
        Assert.Equal([judgements["C"].Id, judgements["D"].Id], moderations.Select(m => m.GetProperty("judgementId").GetGuid()));
        Assert.Equal(2, byLead.GetProperty("moderations").GetArrayLength());
        Assert.Equal(0, bySomeoneElse.GetProperty("moderations").GetArrayLength());

        // D's moderation came after week 2 closed: its impact is week 2's scores against the final ones.
        var d = moderations[1];
        Assert.Equal(JsonValueKind.Null, d.GetProperty("week").ValueKind);
        Assert.Equal("plan not reviewed after the new offence", d.GetProperty("rationale").GetString());
        var before = Count(Week2);
        var after = Count(Final);
        var impacts = d.GetProperty("impacts").EnumerateArray().ToList();
        Assert.NotEmpty(impacts);
        foreach (var impact in impacts)
        {
            var scope = (impact.GetProperty("kind").GetString()!, impact.GetProperty("id").GetString()!);
            Assert.Equal(before[scope].Score, impact.IntOrNull("scoreBefore"));
            Assert.Equal(after[scope].Score, impact.IntOrNull("scoreAfter"));
            Assert.Equal(Band(before[scope].Score), impact.GetProperty("bandBefore").GetString());
        }
    }

    [Fact]
    public async Task The_event_log_pages_by_version_and_a_page_never_changes()
    {
        var first = await app.Host.GetJson($"/inspections/{id}/events?limit=3");
        var second = await app.Host.GetJson(first.GetProperty("next").GetString()!);

        Assert.Equal(firstPageEarly, await app.Host.GetText($"/inspections/{id}/events?limit=3"));
        var versions = (await app.Host.Events(id)).Select(e => e.Version).ToList();
        Assert.Equal(versions.Take(3), first.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal(versions.Skip(3).Take(3), second.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
        var opened = first.GetProperty("events")[0];
        Assert.Equal(("inspection_opened", Scenarios.Lead, "lead-inspector"), (opened.GetProperty("type").GetString(), opened.GetProperty("actor").GetString(), opened.GetProperty("role").GetString()));
        Assert.False(string.IsNullOrEmpty(opened.GetProperty("correlationId").GetString()));
        var all = await app.Host.GetJson($"/inspections/{id}/events?limit=1000");
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next").ValueKind);
        await app.Host.GetJson($"/inspections/{id}/events?limit=0", status: 400);
        await app.Host.GetJson($"/inspections/{id}/events?after=abc", status: 400);
    }

    [Fact]
    public async Task Yot_and_theme_views_read_as_they_stood_at_a_moment()
    {
        var then = await app.Host.GetJson($"/yots/{yot}?at={Uri.EscapeDataString(week1ClosedAt)}");
        var now = await app.Host.GetJson($"/yots/{yot}");
        var theme = await app.Host.GetJson($"/themes/cci-2009/risk-of-harm?at={Uri.EscapeDataString(week1ClosedAt)}");

        var inspectionThen = Assert.Single(then.GetProperty("inspections").EnumerateArray());
        Assert.Equal("open", inspectionThen.GetProperty("state").GetString());
        Assert.Equal("published", now.GetProperty("inspections")[0].GetProperty("state").GetString());
        var week1 = Count(Week1);
        foreach (var score in inspectionThen.GetProperty("scores").EnumerateArray())
            Assert.Equal(week1[(score.GetProperty("kind").GetString()!, score.GetProperty("id").GetString()!)].Score, score.IntOrNull("score"));
        var row = theme.GetProperty("yots").EnumerateArray().Single(y => y.GetProperty("code").GetString() == yot);
        Assert.Equal(week1[("theme", "risk-of-harm")].Score, row.GetProperty("score").IntOrNull("score"));
        await app.Host.GetJson($"/yots/{yot}?at=2000-01-01T00:00:00Z", status: 404);
        await app.Host.GetJson($"/yots/{yot}?at=week:1", status: 400);
    }

    [Fact]
    public async Task Verify_replays_the_ledger_and_finds_the_views_in_agreement()
    {
        var verification = await app.Host.GetJson($"/inspections/{id}/verify");

        Assert.True(verification.GetProperty("agrees").GetBoolean(), verification.ToString());
        Assert.Equal(5, verification.GetProperty("judgements").GetInt32());
        Assert.Equal(2, verification.GetProperty("moderations").GetInt32());
    }

    [Fact]
    public async Task Verify_names_a_current_judgement_changed_behind_the_ledgers_back()
    {
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        var changed = judgements["B"].Id;
        await using (var session = store.LightweightSession())
        {
            session.QueueSqlCommand($"update {EventStoreSetup.Schema}.mt_doc_currentjudgement set data = jsonb_set(data, '{{answer}}', ?::jsonb) where id = ?",
                store.Options.Serializer().ToJson(Answer.NotApplicable), changed);
            await session.SaveChangesAsync();
        }

        var verification = await app.Host.GetJson($"/inspections/{id}/verify");

        Assert.False(verification.GetProperty("agrees").GetBoolean());
        var mismatch = Assert.Single(verification.GetProperty("mismatches").EnumerateArray());
        Assert.Equal("judgements", mismatch.GetProperty("view").GetString());
        Assert.Equal(changed.ToString(), mismatch.GetProperty("item").GetString());
        Assert.Equal("not-applicable v2", mismatch.GetProperty("actual").GetString());
    }

    private async Task Record(string name, Guid caseId, string questionId, string answer)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { caseId, questionId, answer }).ToUrl($"/inspections/{id}/judgements");
            s.StatusCodeShouldBe(201);
        });
        judgements[name] = (JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("id").GetGuid(), questionId);
    }

    private Task Change(string name, string kind, int expectedVersion, string answer, string? note = null, string? rationale = null) =>
        app.Host.Scenario(s =>
        {
            (kind == "moderations" ? s.AsLead() : s.AsInspector()).Post
                .Json(kind == "moderations" ? new { answer, rationale, expectedVersion } : (object)new { answer, note, expectedVersion })
                .ToUrl($"/inspections/{id}/judgements/{judgements[name].Id}/{kind}");
            s.StatusCodeShouldBeOk();
        });

    private Dictionary<(string Kind, string Id), HandCount.Expected> Count(Dictionary<string, string> answers) =>
        HandCount.Count(app.Host.Framework("cci-2009"), answers.Select(pair => (judgements[pair.Key].QuestionId, pair.Value)));

    private void AssertScores(Dictionary<string, string> answers, JsonElement scores)
    {
        foreach (var ((kind, scopeId), want) in Count(answers))
        {
            var have = scores.Scope(kind, scopeId);
            Assert.Equal((want.Sufficient, want.Insufficient, want.NotApplicable), (have.GetProperty("sufficient").GetInt32(), have.GetProperty("insufficient").GetInt32(), have.GetProperty("notApplicable").GetInt32()));
        }
    }

    private static decimal? Exact(HandCount.Expected expected) =>
        expected.Sufficient + expected.Insufficient == 0 ? null : 100m * expected.Sufficient / (expected.Sufficient + expected.Insufficient);

    private string? Band(int? score) =>
        score is null ? null : app.Host.Framework("cci-2009").Banding.Bands.Single(b => b.From <= score && score <= b.To).Label;

    private static IEnumerable<string?> Kinds(JsonElement judgement) =>
        judgement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString());
}
