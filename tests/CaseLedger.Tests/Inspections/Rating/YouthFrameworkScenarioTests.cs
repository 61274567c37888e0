namespace CaseLedger.Tests.Inspections.Rating;

/// <summary>A whole inspection recorded under the current youth justice framework, and every view read back.</summary>
[Collection(ApiCollection.Name)]
public sealed class YouthFrameworkScenarioTests(AppFixture app)
{
    // Rating and points of each standard, by hand from YouthInspection's answers and evidence.
    private static readonly (string Id, string Rating, int Points, string? SetBy)[] Expected =
    [
        ("1.1", "good", 2, null), ("1.2", "outstanding", 3, null), ("1.3", "good", 2, null), ("1.4", "requires-improvement", 1, null),
        ("2.1", "requires-improvement", 1, "2.1.3"), ("2.2", "outstanding", 3, "2.2.3"), ("2.3", "good", 2, "2.3.1"), ("2.4", "inadequate", 0, "2.4.2"),
        ("3.1", "outstanding", 3, "3.1.1"), ("3.2", "outstanding", 3, "3.2.1"), ("3.3", "good", 2, "3.3.1"), ("3.4", "good", 2, null),
        ("4.1", "outstanding", 3, null),
    ];

    [Fact]
    public async Task The_scores_carry_every_standards_rating_the_override_and_the_overall_rating_in_json_and_csv()
    {
        var youth = await YouthInspection.RecordAsync(app.Host);
        var scores = await app.Host.GetJson($"/inspections/{youth.Id}/scores");
        var ratings = scores.GetProperty("ratings");
        var standards = ratings.GetProperty("standards").EnumerateArray().ToList();

        Assert.Equal(Expected.Select(e => (e.Id, e.Rating, e.Points, e.SetBy)),
            standards.Select(s => (s.GetProperty("id").GetString()!, s.GetProperty("rating").GetString()!, s.GetProperty("points").GetInt32(), s.GetProperty("setBy").GetString())));
        var overridden = standards.Single(s => s.GetProperty("id").GetString() == "3.3");
        Assert.Equal(("requires-improvement", true), (overridden.GetProperty("derived").GetString(), overridden.GetProperty("overridden").GetBoolean()));
        Assert.Equal("The two insufficient cases were transferred mid-disposal", overridden.GetProperty("override").GetProperty("rationale").GetString());
        var assessment = standards.Single(s => s.GetProperty("id").GetString() == "2.1").GetProperty("keyQuestions").EnumerateArray().ToList();
        Assert.Equal([(5, 100, "outstanding"), (4, 80, "outstanding"), (3, 60, "requires-improvement")],
            assessment.Select(k => (k.GetProperty("sufficient").GetInt32(), k.GetProperty("score").GetInt32(), k.GetProperty("rating").GetString()!)));
        Assert.False(standards.Single(s => s.GetProperty("id").GetString() == "4.1").GetProperty("countsTowardOverall").GetBoolean());

        // 24 points of the twelve counted standards (resettlement's 3 left out), in 19-30: Good.
        var overall = ratings.GetProperty("overall");
        Assert.Equal((24, 36, 12, 12, "good"), (overall.GetProperty("points").GetInt32(), overall.GetProperty("maxPoints").GetInt32(),
            overall.GetProperty("ratedStandards").GetInt32(), overall.GetProperty("standards").GetInt32(), overall.GetProperty("rating").GetString()!));
        // The key questions are scored on their own, beside criteria and sections.
        Assert.Equal(75, scores.GetProperty("scores").Scope("key-question", "2.3.2").GetProperty("score").GetInt32());

        var csv = (await app.Host.GetText($"/inspections/{youth.Id}/scores", "text/csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",rating,derived_rating,overridden,points", csv[0]);
        var row33 = CsvText.Cells(csv.Single(line => line.StartsWith("standard,3.3,")));
        Assert.Equal(["good", "requires-improvement", "True", "2"], row33[^4..]);
        Assert.Equal(["good", "", "", "24"], CsvText.Cells(csv.Single(line => line.StartsWith("overall,")))[^4..]);
    }

    [Fact]
    public async Task History_the_event_log_and_verify_carry_the_ratings_like_any_other_event()
    {
        var youth = await YouthInspection.RecordAsync(app.Host);
        var history = await app.Host.GetJson($"/inspections/{youth.Id}/history?from=week:1");
        var moved = history.GetProperty("movedRatings").EnumerateArray().ToDictionary(m => m.GetProperty("standardId").GetString()!);
        // After week 1 closed the case-sample ratings stood; then the lead rated the evidence standards and overrode 3.3.
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "3.3", "3.4", "4.1", "overall"], moved.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("requires-improvement", "good", true), (moved["3.3"].GetProperty("before").GetString(), moved["3.3"].GetProperty("after").GetString(), moved["3.3"].GetProperty("overriddenAfter").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, moved["overall"].GetProperty("before").ValueKind);
        Assert.Equal("good", moved["overall"].GetProperty("after").GetString());

        var events = await app.Host.Events(youth.Id);
        Assert.Equal(6, events.Count(e => e.Data is StandardRated));
        var overridden = Assert.IsType<RatingOverridden>(Assert.Single(events, e => e.Data is RatingOverridden).Data);
        Assert.Equal(("3.3", "requires-improvement", "good"), (overridden.StandardId, overridden.DerivedRating, overridden.Rating));
        var log = await app.Host.GetJson($"/inspections/{youth.Id}/events?after=110&limit=50");
        Assert.Contains(log.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "rating_overridden");
        Assert.True((await app.Host.GetJson($"/inspections/{youth.Id}/verify")).GetProperty("agrees").GetBoolean());
    }

    [Fact]
    public async Task The_yot_view_compares_ratings_with_the_previous_inspection_and_the_standards_theme_view_counts_yots_per_rating()
    {
        var yot = $"youth-{Guid.NewGuid():N}"[..18];
        var first = await YouthInspection.RecordAsync(app.Host, yot);
        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{first.Id}/publish"); s.StatusCodeShouldBeOk(); });
        var second = await YouthInspection.RecordAsync(app.Host, yot);
        // The second inspection's lead departs from 2.4 too: inadequate by its key questions, requires improvement as rated.
        await YouthInspection.Post(app.Host, $"/inspections/{second.Id}/ratings/2.4/override", new { rating = "requires-improvement", rationale = "Reviews were done; their records were lost" }, 200);
        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{second.Id}/publish"); s.StatusCodeShouldBeOk(); });

        var view = await app.Host.GetJson($"/yots/{yot}", "reporting-1", Roles.ReportingClient);
        var latest = view.GetProperty("inspections").EnumerateArray().Last();
        Assert.Equal(second.Id, latest.GetProperty("id").GetGuid());
        Assert.Equal("good", latest.GetProperty("ratings").GetProperty("overall").GetProperty("rating").GetString());
        var changes = latest.GetProperty("changeSincePrevious").GetProperty("ratingChanges").EnumerateArray().ToDictionary(c => c.GetProperty("standardId").GetString()!);
        Assert.Equal(("inadequate", "requires-improvement", 1), (changes["2.4"].GetProperty("before").GetString(), changes["2.4"].GetProperty("after").GetString(), changes["2.4"].GetProperty("pointsDelta").GetInt32()));
        Assert.Equal(0, changes["2.1"].GetProperty("pointsDelta").GetInt32());
        Assert.Equal(1, changes["overall"].GetProperty("pointsDelta").GetInt32());

        var themes = await app.Host.GetJson("/themes", "reporting-1", Roles.ReportingClient);
        Assert.Contains(themes.EnumerateArray(), t => t.GetProperty("frameworkId").GetString() == YouthInspection.Framework && t.GetProperty("themeId").GetString() == "2.4");
        var theme = await app.Host.GetJson($"/themes/{YouthInspection.Framework}/2.4?region=North West", "reporting-1", Roles.ReportingClient);
        var row = theme.GetProperty("yots").EnumerateArray().Single(y => y.GetProperty("code").GetString() == yot);
        Assert.Equal(("requires-improvement", "inadequate", 40), (row.GetProperty("rating").GetProperty("rating").GetString(),
            row.GetProperty("rating").GetProperty("derived").GetString(), row.GetProperty("score").GetProperty("score").GetInt32()));
        // Counted over every YOT's latest inspection in the region: this one is among the requires-improvement ones.
        var counts = theme.GetProperty("ratings").GetProperty("all");
        Assert.True(counts.GetProperty("requires-improvement").GetInt32() >= 1);
        Assert.Equal(theme.GetProperty("yots").GetArrayLength(), counts.EnumerateObject().Sum(c => c.Value.GetInt32()));
        var north = theme.GetProperty("ratings").GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("region").GetString() == "North West");
        Assert.Equal(counts.ToString(), north.GetProperty("counts").ToString());
    }
}
