using CaseLedger.Tests.Scoring;

namespace CaseLedger.Tests.Inspections.Timing;

/// <summary>
/// One inspection in its own calendar (DESIGN §11). Opened 20 January 2012; week 1 starts Monday 6 February and
/// week 2 on 5 March. A is judged sufficient and B insufficient on Tuesday 7 February, both typed up later (now);
/// the lead moderates A to insufficient on Thursday 9 February; week 1 closes on the 10th; the inspection is
/// published on 20 March; on 2 April the lead corrects B to sufficient.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ValidTimeTests(AppFixture app) : IAsyncLifetime
{
    private readonly string yot = $"vt-{Guid.NewGuid():N}"[..20];
    private Guid id;
    private readonly Dictionary<string, (Guid Id, string QuestionId)> judgements = [];
    // The recorded time of the last event after each step: the ledger as it stood then.
    private string afterJudging = "", afterModeration = "", afterPublication = "", afterCorrection = "";

    public async Task InitializeAsync()
    {
        await app.Host.GivenYot(yot);
        id = await app.Host.OpenIn2012(yot);
        var sampled = await app.Host.SampleStated(id, "2012-01-25T10:00:00Z");
        var caseId = sampled.Id;
        var questions = app.Host.ApplicablePairs([sampled]).Select(p => p.QuestionId).Take(2).ToList();
        await app.Host.PostStated($"/inspections/{id}/weeks/1/open", new { occurredAt = "2012-02-06T08:00:00Z" }, lead: true);

        judgements["A"] = (await Record(caseId, questions[0], "sufficient", "2012-02-07T14:00:00Z"), questions[0]);
        judgements["B"] = (await Record(caseId, questions[1], "insufficient", "2012-02-07T15:00:00Z"), questions[1]);
        afterJudging = await LastRecordedAt();
        await app.Host.PostStated($"/inspections/{id}/judgements/{judgements["A"].Id}/moderations",
            new { answer = "insufficient", rationale = "no plan review on file", expectedVersion = 1, occurredAt = "2012-02-09T11:00:00Z" }, lead: true);
        afterModeration = await LastRecordedAt();
        await app.Host.PostStated($"/inspections/{id}/weeks/1/close", new { occurredAt = "2012-02-10T17:00:00Z" }, lead: true);
        await app.Host.PostStated($"/inspections/{id}/publish", new { occurredAt = "2012-03-20T12:00:00Z" }, lead: true);
        afterPublication = await LastRecordedAt();
        await app.Host.PostStated($"/inspections/{id}/judgements/{judgements["B"].Id}/corrections",
            new { answer = "sufficient", rationale = "the plan was on the paper file", expectedVersion = 1, occurredAt = "2012-04-02T09:00:00Z" }, lead: true);
        afterCorrection = await LastRecordedAt();
        await app.Host.CaughtUp();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string?, string?, string> Points() => new()
    {
        // at (valid time)           recordedAt (which ledger)   answers, by hand: A/B, - for no judgement
        { "2012-02-06T12:00:00Z", null, "-/-" },
        { "2012-02-08T12:00:00Z", null, "sufficient/insufficient" },
        { "2012-02-10T12:00:00Z", null, "insufficient/insufficient" },
        { "published", null, "insufficient/insufficient" },
        { "2012-03-25T12:00:00Z", null, "insufficient/insufficient" },
        { "2012-05-01T12:00:00Z", null, "insufficient/sufficient" },
        { null, null, "insufficient/sufficient" },
        { "2012-02-08T12:00:00Z", "judging", "sufficient/insufficient" },
        { "2012-02-10T12:00:00Z", "judging", "sufficient/insufficient" },
        { "2012-02-06T12:00:00Z", "moderation", "-/-" },
        { "2012-02-08T12:00:00Z", "moderation", "sufficient/insufficient" },
        { "2012-02-10T12:00:00Z", "moderation", "insufficient/insufficient" },
        { null, "moderation", "insufficient/insufficient" },
        { "2012-05-01T12:00:00Z", "publication", "insufficient/insufficient" },
        { null, "publication", "insufficient/insufficient" },
        { "2012-03-25T12:00:00Z", "correction", "insufficient/insufficient" },
        { "2012-05-01T12:00:00Z", "correction", "insufficient/sufficient" },
        { null, "correction", "insufficient/sufficient" },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public async Task Scores_at_every_valid_and_recorded_time_match_hand_counts(string? at, string? recordedAfter, string answers)
    {
        var query = new List<string>();
        if (at is not null) query.Add($"at={Uri.EscapeDataString(at)}");
        if (recordedAfter is not null) query.Add($"recordedAt={Uri.EscapeDataString(Recorded(recordedAfter))}");

        var view = await app.Host.GetJson($"/inspections/{id}/scores{(query.Count == 0 ? "" : "?" + string.Join('&', query))}");

        var expected = answers.Split('/').Zip(["A", "B"])
            .Where(pair => pair.First != "-")
            .Select(pair => (judgements[pair.Second].QuestionId, pair.First));
        foreach (var ((kind, scope), want) in HandCount.Count(app.Host.Framework("cci-2009"), expected))
        {
            var have = view.GetProperty("scores").Scope(kind, scope);
            Assert.Equal((want.Sufficient, want.Insufficient), (have.GetProperty("sufficient").GetInt32(), have.GetProperty("insufficient").GetInt32()));
        }
    }

    /// <summary>The views across inspections read timelines of their own (issue 21), and the inspection's scores are
    /// read from its ledger: at every moment, for a caller who sees it whole and one who sees only what was
    /// published, the YOT's and the theme's figures are the inspection's own, corrections marked alike.</summary>
    /// <summary>The points that are moments: views across inspections take timestamps, and <c>published</c> belongs to one inspection.</summary>
    public static IEnumerable<object?[]> Moments() => Points().Where(row => (string?)row[0] != "published").Select(row => row[..2]);

    [Theory]
    [MemberData(nameof(Moments))]
    public async Task The_yot_and_theme_views_at_every_moment_show_the_inspections_own_figures(string? at, string? recordedAfter)
    {
        var query = new List<string>();
        if (at is not null) query.Add($"at={Uri.EscapeDataString(at)}");
        if (recordedAfter is not null) query.Add($"recordedAt={Uri.EscapeDataString(Recorded(recordedAfter))}");
        var suffix = query.Count == 0 ? "" : "?" + string.Join('&', query);
        var published = DateTimeOffset.Parse(at ?? "2100-01-01T00:00:00Z") >= DateTimeOffset.Parse("2012-03-20T12:00:00Z")
            && recordedAfter is null or "publication" or "correction";

        foreach (var (user, role) in new[] { (ViewScenarios.Auditor, Roles.Auditor), ("reporting-1", Roles.ReportingClient) })
        {
            var seen = role == Roles.Auditor || published;
            var themes = await app.Host.GetJson("/themes", user, role);
            var yotView = await app.Host.GetJson($"/yots/{yot}{suffix}", user, role, seen ? 200 : 404);
            if (!seen)
            {
                foreach (var theme in themes.EnumerateArray().Where(t => t.GetProperty("frameworkId").GetString() == "cci-2009"))
                {
                    var national = await app.Host.GetJson($"/themes/cci-2009/{theme.GetProperty("themeId").GetString()}{suffix}", user, role);
                    Assert.DoesNotContain(national.GetProperty("yots").EnumerateArray(), row => row.GetProperty("code").GetString() == yot);
                }
                continue;
            }

            var scores = (await app.Host.GetJson($"/inspections/{id}/scores{suffix}", user, role)).GetProperty("scores");
            var row = yotView.GetProperty("inspections").EnumerateArray().Single();
            Assert.Equal(published ? "published" : "open", row.GetProperty("state").GetString());
            foreach (var shown in row.GetProperty("scores").EnumerateArray())
                Assert.Equal(scores.Scope(shown.GetProperty("kind").GetString()!, shown.GetProperty("id").GetString()!).GetRawText(), shown.GetRawText());
            foreach (var theme in row.GetProperty("scores").EnumerateArray().Where(score => score.GetProperty("kind").GetString() == "theme"))
            {
                var national = await app.Host.GetJson($"/themes/cci-2009/{theme.GetProperty("id").GetString()}{suffix}", user, role);
                var mine = national.GetProperty("yots").EnumerateArray().Single(r => r.GetProperty("code").GetString() == yot);
                Assert.Equal(theme.GetRawText(), mine.GetProperty("score").GetRawText());
            }
        }
    }

    [Fact]
    public async Task A_corrected_figure_carries_the_published_one_beside_it()
    {
        var now = await app.Host.GetJson($"/inspections/{id}/scores");
        var published = await app.Host.GetJson($"/inspections/{id}/scores?at=published");

        var moved = now.GetProperty("scores").EnumerateArray().Where(s => s.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.Object).ToList();
        Assert.NotEmpty(moved);
        foreach (var score in moved)
        {
            var then = published.GetProperty("scores").Scope(score.GetProperty("kind").GetString()!, score.GetProperty("id").GetString()!);
            Assert.Equal(then.GetProperty("sufficient").GetInt32(), score.GetProperty("published").GetProperty("sufficient").GetInt32());
            Assert.NotEqual(then.GetProperty("sufficient").GetInt32(), score.GetProperty("sufficient").GetInt32());
        }
        Assert.DoesNotContain(published.GetProperty("scores").EnumerateArray(), s => s.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task Every_read_of_an_event_or_change_shows_both_times()
    {
        var summary = await app.Host.GetJson($"/inspections/{id}");
        Assert.Equal("2012-01-20T09:00:00+00:00", summary.GetProperty("openedAt").GetDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:sszzz"));
        Assert.Equal("2012-03-20T12:00:00+00:00", summary.GetProperty("publishedAt").GetDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:sszzz"));
        Assert.True(summary.GetProperty("openedRecordedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-10));
        Assert.True(summary.GetProperty("publishedRecordedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-10));

        var events = (await app.Host.GetJson($"/inspections/{id}/events?limit=100")).GetProperty("events").EnumerateArray().ToList();
        AssertBoth(events, "2012-02-07T14:00:00Z");
        var history = await app.Host.GetJson($"/inspections/{id}/judgements/{judgements["A"].Id}/history");
        AssertBoth(history.GetProperty("changes").EnumerateArray(), "2012-02-09T11:00:00Z");
        var between = await app.Host.GetJson($"/inspections/{id}/history?from=2012-02-08T00:00:00Z");
        AssertBoth(between.GetProperty("changedJudgements").EnumerateArray().SelectMany(j => j.GetProperty("changes").EnumerateArray()), "2012-04-02T09:00:00Z");
        var moderation = await app.Host.GetJson($"/inspections/{id}/moderation");
        AssertBoth(moderation.GetProperty("moderations").EnumerateArray(), "2012-02-09T11:00:00Z");
    }

    [Fact]
    public async Task History_and_the_moderation_review_list_the_correction_as_its_own_kind()
    {
        var between = await app.Host.GetJson($"/inspections/{id}/history?from=published");
        var b = between.GetProperty("changedJudgements").EnumerateArray().Single();
        Assert.Equal(judgements["B"].Id, b.GetProperty("judgementId").GetGuid());
        Assert.Contains(b.GetProperty("changes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "corrected");
        var moderation = await app.Host.GetJson($"/inspections/{id}/moderation");
        Assert.Contains(moderation.GetProperty("moderations").EnumerateArray(), m => m.GetProperty("kind").GetString() == "corrected");
    }

    [Fact]
    public async Task Events_recorded_long_after_their_valid_time_are_listed_for_auditors()
    {
        var late = (await app.Host.GetJson($"/inspections/{id}/events?recordedLaterThan=PT24H&limit=100")).GetProperty("events").EnumerateArray().ToList();
        var all = (await app.Host.GetJson($"/inspections/{id}/events?limit=100")).GetProperty("events").EnumerateArray().ToList();

        Assert.Equal(all.Count, late.Count); // every step here was stated years before it was typed in
        var mine = await app.Host.GetJson($"/inspections/{id}/events?recordedLaterThan=PT24H&limit=100&after={all[^1].GetProperty("sequence").GetInt64()}");
        Assert.Empty(mine.GetProperty("events").EnumerateArray());
    }

    private static void AssertBoth(IEnumerable<JsonElement> entries, string stated)
    {
        var list = entries.ToList();
        Assert.NotEmpty(list);
        Assert.All(list, entry =>
        {
            Assert.Equal(JsonValueKind.String, entry.GetProperty("occurredAt").ValueKind);
            Assert.Equal(JsonValueKind.String, entry.GetProperty("recordedAt").ValueKind);
        });
        Assert.Contains(list, entry => entry.GetProperty("occurredAt").GetDateTimeOffset() == DateTimeOffset.Parse(stated)
            && entry.GetProperty("recordedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-10));
    }

    private string Recorded(string after) => after switch
    {
        "judging" => afterJudging,
        "moderation" => afterModeration,
        "publication" => afterPublication,
        _ => afterCorrection,
    };

    private async Task<Guid> Record(Guid caseId, string questionId, string answer, string occurredAt)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { caseId, questionId, answer, occurredAt }).ToUrl($"/inspections/{id}/judgements");
            s.StatusCodeShouldBe(201);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<string> LastRecordedAt()
    {
        var events = (await app.Host.GetJson($"/inspections/{id}/events?limit=1000")).GetProperty("events");
        return events[events.GetArrayLength() - 1].GetProperty("recordedAt").GetString()!;
    }
}
