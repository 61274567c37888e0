using System.Globalization;


namespace CaseLedger.Tests.Scores;

[Collection(ApiCollection.Name)]
public sealed class ScoreViewsTests(AppFixture app)
{
    private static string Pattern(int i) => (i % 7) switch { 0 or 3 => "insufficient", 5 => "not-applicable", _ => "sufficient" };

    [Fact]
    public async Task The_scoreboard_matches_a_hand_count_and_its_csv_says_the_same()
    {
        var (id, answers) = await app.Host.GivenScoredInspection("cci-2009", Unique("yot"), "Wales", "2012-02-06", cases: 3, judgements: 120, Pattern);
        await app.Host.CaughtUp();

        var view = await app.Host.GetJson($"/inspections/{id}/scores");
        var csv = (await app.Host.GetText($"/inspections/{id}/scores", "text/csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var expected = HandCount.Count(app.Host.Framework("cci-2009"), answers.Select(a => (a.QuestionId, a.Answer)));
        var scores = view.GetProperty("scores");
        Assert.Equal(expected.Count, scores.GetArrayLength());
        foreach (var ((kind, scopeId), want) in expected)
        {
            var have = scores.Scope(kind, scopeId);
            Assert.Equal((want.Sufficient, want.Insufficient, want.NotApplicable, want.Score),
                (have.GetProperty("sufficient").GetInt32(), have.GetProperty("insufficient").GetInt32(), have.GetProperty("notApplicable").GetInt32(), have.IntOrNull("score")));
        }
        Assert.Equal(3, view.GetProperty("profile").GetProperty("cases").GetInt32());
        Assert.Equal("open", view.GetProperty("state").GetString());

        Assert.Equal("kind,id,title,sufficient,insufficient,applicable,not_applicable,percentage,score,band,interval_lower,interval_upper", csv[0]);
        Assert.Equal(expected.Count, csv.Length - 1);
        foreach (var line in csv.Skip(1))
        {
            var cells = CsvText.Cells(line);
            var json = scores.Scope(cells[0], cells[1]);
            Assert.Equal(json.GetProperty("sufficient").GetInt32().ToString(), cells[3]);
            Assert.Equal(json.GetProperty("insufficient").GetInt32().ToString(), cells[4]);
            Assert.Equal(json.IntOrNull("score")?.ToString() ?? "", cells[8]);
            Assert.Equal(json.GetProperty("band").ValueKind == JsonValueKind.Null ? "" : json.GetProperty("band").GetProperty("label").GetString(), cells[9]);
        }
    }

    [Fact]
    public async Task Yot_and_theme_views_span_yots_regions_frameworks_and_a_yots_two_inspections()
    {
        // Given: four YOTs in Wales and the North East; one with two CCI inspections, one under SQS.
        var twice = Unique("twice");
        var (first, firstAnswers) = await app.Host.GivenScoredInspection("cci-2009", twice, "Wales", "2012-02-06", 3, 100, i => i % 3 == 0 ? "insufficient" : "sufficient");
        await app.Host.Publish(first);
        var (second, secondAnswers) = await app.Host.GivenScoredInspection("cci-2009", twice, "Wales", "2015-05-11", 3, 100, i => i % 5 == 0 ? "insufficient" : "sufficient");
        var welsh = Unique("welsh");
        var (welshId, welshAnswers) = await app.Host.GivenScoredInspection("cci-2009", welsh, "Wales", "2013-01-07", 2, 80, i => i % 2 == 0 ? "insufficient" : "sufficient");
        await app.Host.Publish(welshId);
        var north = Unique("north");
        var (northId, northAnswers) = await app.Host.GivenScoredInspection("cci-2009", north, "North East", "2013-06-03", 2, 90, Pattern);
        await app.Host.Publish(northId);
        var screened = Unique("sqs");
        var (sqsId, sqsAnswers) = await app.Host.GivenScoredInspection("sqs-2014", screened, "North East", "2016-05-16", 2, 40, Pattern);
        await app.Host.Publish(sqsId);
        await app.Host.CaughtUp();
        var cci = app.Host.Framework("cci-2009");
        int? ThemeScore(IEnumerable<ViewScenarios.Answered> answers, string theme, string framework = "cci-2009") =>
            HandCount.Count(app.Host.Framework(framework), answers.Select(a => (a.QuestionId, a.Answer)))[("theme", theme)].Score;

        // Then the YOT view lists both inspections in order, with the change since the first.
        var yot = await app.Host.GetJson($"/yots/{twice}");
        var inspections = yot.GetProperty("inspections").EnumerateArray().ToList();
        Assert.Equal([first, second], inspections.Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(["published", "open"], inspections.Select(i => i.GetProperty("state").GetString()));
        foreach (var headline in cci.Themes.Select(t => t.Id))
        {
            var change = inspections[1].GetProperty("changeSincePrevious").GetProperty("changes").EnumerateArray()
                .Single(c => c.GetProperty("kind").GetString() == "theme" && c.GetProperty("id").GetString() == headline);
            Assert.Equal(ThemeScore(firstAnswers, headline), change.IntOrNull("before"));
            Assert.Equal(ThemeScore(secondAnswers, headline), change.IntOrNull("after"));
            Assert.Equal(ThemeScore(secondAnswers, headline) - ThemeScore(firstAnswers, headline), change.IntOrNull("delta"));
        }
        Assert.Equal(JsonValueKind.Null, inspections[0].GetProperty("changeSincePrevious").ValueKind);

        // A reporting client sees the published inspection only.
        var reported = await app.Host.GetJson($"/yots/{twice}", "reporting-1", Roles.ReportingClient);
        Assert.Equal([first], reported.GetProperty("inspections").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        await app.Host.GetJson($"/inspections/{second}/scores", "reporting-1", Roles.ReportingClient, status: 404);

        // And the theme view gives each YOT's latest score, with spreads that agree with the rows.
        var theme = await app.Host.GetJson("/themes/cci-2009/risk-of-harm");
        var rows = theme.GetProperty("yots").EnumerateArray().ToDictionary(y => y.GetProperty("code").GetString()!);
        Assert.Equal(second, rows[twice].GetProperty("inspectionId").GetGuid());
        Assert.Equal(ThemeScore(secondAnswers, "risk-of-harm"), rows[twice].GetProperty("score").IntOrNull("score"));
        Assert.Equal(ThemeScore(welshAnswers, "risk-of-harm"), rows[welsh].GetProperty("score").IntOrNull("score"));
        Assert.Equal(ThemeScore(northAnswers, "risk-of-harm"), rows[north].GetProperty("score").IntOrNull("score"));
        Assert.False(rows.ContainsKey(screened));
        AssertSpread(theme.GetProperty("all"), rows.Values);
        foreach (var region in theme.GetProperty("regions").EnumerateArray())
            AssertSpread(region.GetProperty("spread"), rows.Values.Where(r => r.GetProperty("region").GetString() == region.GetProperty("region").GetString()));

        var reportedTheme = await app.Host.GetJson("/themes/cci-2009/risk-of-harm", "reporting-1", Roles.ReportingClient);
        var reportedRows = reportedTheme.GetProperty("yots").EnumerateArray().ToDictionary(y => y.GetProperty("code").GetString()!);
        Assert.Equal(first, reportedRows[twice].GetProperty("inspectionId").GetGuid());

        var wales = await app.Host.GetJson("/themes/cci-2009/risk-of-harm?region=Wales");
        Assert.All(wales.GetProperty("yots").EnumerateArray(), y => Assert.Equal("Wales", y.GetProperty("region").GetString()));
        Assert.Contains(wales.GetProperty("yots").EnumerateArray(), y => y.GetProperty("code").GetString() == welsh);
        await app.Host.GetJson("/themes/cci-2009/risk-of-harm?region=Atlantis", status: 400);
        await app.Host.GetJson("/themes/cci-2009/no-such-theme", status: 404);

        var sqsTheme = app.Host.Framework("sqs-2014").Themes.First(t => t.JudgedBy is null).Id;
        var sqsView = await app.Host.GetJson($"/themes/sqs-2014/{sqsTheme}");
        var sqsRow = sqsView.GetProperty("yots").EnumerateArray().Single(y => y.GetProperty("code").GetString() == screened);
        Assert.Equal(ThemeScore(sqsAnswers, sqsTheme, "sqs-2014"), sqsRow.GetProperty("score").IntOrNull("score"));

        // CSV agrees with JSON.
        var csv = (await app.Host.GetText($"/themes/cci-2009/risk-of-harm", "text/csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows.Count, csv.Length - 1);
        var twiceLine = CsvText.Cells(csv.Single(line => line.StartsWith(twice + ",", StringComparison.Ordinal)));
        Assert.Equal(ThemeScore(secondAnswers, "risk-of-harm")?.ToString(), twiceLine[13]);
    }

    [Fact]
    public async Task A_rebuild_writes_the_stored_views_again_byte_for_byte()
    {
        // Given: an inspection with judgements and a moderation, its views current, and what they store noted.
        var yot = Unique("rebuild");
        var (id, answers) = await app.Host.GivenScoredInspection("cci-2009", yot, "Wales", "2014-03-03", 2, 60, Pattern);
        await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { answer = answers[1].Answer == "sufficient" ? "insufficient" : "sufficient", rationale = "file evidence", expectedVersion = 1 })
                .ToUrl($"/inspections/{id}/judgements/{answers[1].Id}/moderations");
            s.StatusCodeShouldBeOk();
        });
        await app.Host.CaughtUp();
        var stored = await StoredViews.ReadAsync(app.Host, id);
        var writeSide = await app.Host.ReadLedgerState(id);
        string[] urls = [$"/inspections/{id}/scores", $"/inspections/{id}/moderation", $"/yots/{yot}", "/themes/cci-2009/safeguarding", $"/inspections/{id}/history?from=version:1"];
        var live = new List<string>();
        foreach (var url in urls) live.Add(await app.Host.GetText(url));

        // The stored views are spoiled at the ledger's version, so the reads trust them and only a rebuild that
        // writes them again can bring the figures back.
        await StoredViews.SpoilAsync(app.Host, id);
        Assert.NotEqual(stored, await StoredViews.ReadAsync(app.Host, id));
        Assert.NotEqual(live[0], await app.Host.GetText(urls[0]));
        Assert.NotEqual(live[1], await app.Host.GetText(urls[1]));

        // When
        var rebuilt = await app.Host.Scenario(s =>
        {
            s.As("admin-1", Roles.Admin).Post.Url("/admin/projections/rebuild");
            s.StatusCodeShouldBeOk();
        });
        await app.Host.CaughtUp();

        // Then the documents are what the live daemon had stored, the reads say what they said, and the write
        // side's documents, which no view rebuild owns, are untouched.
        Assert.Equal(CaseLedger.Api.Admin.ProjectionStatus.Names.Count, JsonDocument.Parse(await rebuilt.ReadAsTextAsync()).RootElement.GetArrayLength());
        Assert.Equal(stored, await StoredViews.ReadAsync(app.Host, id));
        for (var i = 0; i < urls.Length; i++)
            Assert.Equal(live[i], await app.Host.GetText(urls[i]));
        await app.Host.AssertUnchangedSince(id, writeSide);
        var status = await app.Host.GetJson("/admin/projections", "admin-1", Roles.Admin);
        Assert.All(status.GetProperty("views").EnumerateArray(), v => Assert.Equal(0, v.GetProperty("behind").GetInt64()));
    }

    private static void AssertSpread(JsonElement spread, IEnumerable<JsonElement> rows)
    {
        var scores = rows.Select(r => r.GetProperty("score")).Where(s => s.GetProperty("exactPercentage").ValueKind != JsonValueKind.Null).ToList();
        Assert.Equal(scores.Count, spread.GetProperty("yots").GetInt32());
        if (scores.Count == 0) return;
        Assert.Equal(scores.Min(s => s.GetProperty("score").GetInt32()), spread.GetProperty("lowest").GetInt32());
        Assert.Equal(scores.Max(s => s.GetProperty("score").GetInt32()), spread.GetProperty("highest").GetInt32());
        Assert.Equal(decimal.Round(scores.Average(s => s.GetProperty("exactPercentage").GetDecimal()), 2), spread.GetProperty("average").GetDecimal());
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];
}
