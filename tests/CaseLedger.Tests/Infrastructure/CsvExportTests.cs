namespace CaseLedger.Tests.Infrastructure;

/// <summary>
/// Finding 2 of the security review: a YOT name, case reference, user id or rationale beginning with a formula
/// character reached the CSV as written, so the theme CSV reporting clients download carried a live
/// <c>=HYPERLINK(...)</c>. Text cells are neutralised with a leading <c>'</c>; numbers stay numbers; every CSV still
/// parses and agrees with its JSON, and comes as a named attachment.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CsvExportTests(AppFixture app) : IAsyncLifetime
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
    private const string Lead = "@SUM(1+1)";
    private const string Reference = "=1+1";
    private const string Rationale = "-2+3 the plan was never reviewed";

    private readonly string yot = $"csv-{Guid.NewGuid():N}"[..20];
    private Guid id;

    public async Task InitializeAsync()
    {
        await app.Host.GivenYot(yot, name: Hyperlink, region: "South West");
        var opened = await app.Host.Scenario(s =>
        {
            s.As(Lead, Roles.LeadInspector).Post.Json(new
            {
                frameworkId = "cci-2009",
                yot = new { code = yot },
                fieldworkWeeks = new[] { new { number = 1, startsOn = "2012-02-27" } },
            }).ToUrl("/inspections");
            s.StatusCodeShouldBe(201);
        });
        id = opened.ReadAsJson<InspectionSummary>()!.Id;
        var @case = await app.Host.Scenario(s =>
        {
            s.As(Lead, Roles.LeadInspector).Post.Json(new { reference = Reference, sentenceType = "referral-order", setting = "community" })
                .ToUrl($"/inspections/{id}/cases");
            s.StatusCodeShouldBe(201);
        });
        var caseId = @case.ReadAsJson<SampledCase>()!.Id;
        await Send(s => s.Post.Url($"/inspections/{id}/weeks/1/open"));
        var questions = app.Host.ApplicablePairs([@case.ReadAsJson<SampledCase>()!]).Select(pair => pair.QuestionId).Take(4).ToList();
        var judgementIds = questions.Select(_ => Guid.NewGuid()).ToList();
        await Send(s => s.Post.Json(new { judgements = questions.Select((q, i) => new { id = judgementIds[i], caseId, questionId = q, answer = "sufficient" }) })
            .ToUrl($"/inspections/{id}/judgements/batch"), 201);
        await Send(s => s.Post.Url($"/inspections/{id}/weeks/1/close"));
        await Send(s => s.Post.Json(new { answer = "insufficient", rationale = Rationale, expectedVersion = 1 })
            .ToUrl($"/inspections/{id}/judgements/{judgementIds[0]}/moderations"));
        await Send(s => s.Post.Url($"/inspections/{id}/publish"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task Send(Action<Scenario> request, int status = 200) => app.Host.Scenario(s =>
    {
        s.As(Lead, Roles.LeadInspector);
        request(s);
        s.StatusCodeShouldBe(status);
    });

    private async Task<(List<string[]> Rows, string Disposition)> Csv(string url, string user = "reporting-1", string role = Roles.ReportingClient)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.As(user, role).Get.Url(url);
            s.WithRequestHeader("Accept", "text/csv");
            s.StatusCodeShouldBeOk();
        });
        return (CsvText.Rows(await result.ReadAsTextAsync()), result.Context.Response.Headers.ContentDisposition.ToString());
    }

    [Fact]
    public async Task The_theme_csv_carries_a_formula_yot_name_as_text_and_agrees_with_its_json()
    {
        var (rows, disposition) = await Csv("/themes/cci-2009/risk-of-harm?region=South%20West");
        var json = await app.Host.GetJson("/themes/cci-2009/risk-of-harm?region=South%20West", "reporting-1", Roles.ReportingClient);

        var header = rows[0];
        var row = rows.Single(cells => cells[0] == yot);
        Assert.Equal("'" + Hyperlink, row[Array.IndexOf(header, "yot_name")]);
        var expected = json.GetProperty("yots").EnumerateArray().Single(y => y.GetProperty("code").GetString() == yot);
        Assert.Equal(Hyperlink, expected.GetProperty("name").GetString());
        Assert.Equal(expected.GetProperty("score").GetProperty("score").GetInt32().ToString(), row[Array.IndexOf(header, "score")]);
        Assert.All(rows.SelectMany(cells => cells), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '@' or '\t' or '\r', cell));
        Assert.StartsWith("attachment;", disposition);
        Assert.Contains("filename=cci-2009-risk-of-harm-south-west.csv", disposition);
    }

    [Fact]
    public async Task The_moderation_csv_neutralises_reference_user_and_rationale_but_keeps_a_negative_delta_a_number()
    {
        var (rows, disposition) = await Csv($"/inspections/{id}/moderation", "auditor-1", Roles.Auditor);
        var json = await app.Host.GetJson($"/inspections/{id}/moderation");

        var header = rows[0];
        var moderation = json.GetProperty("moderations")[0];
        var impacts = moderation.GetProperty("impacts").EnumerateArray().ToList();
        Assert.Equal(impacts.Count, rows.Count - 1);
        foreach (var (row, impact) in rows.Skip(1).Zip(impacts))
        {
            Assert.Equal("'" + Reference, row[Array.IndexOf(header, "case_reference")]);
            Assert.Equal("'" + Lead, row[Array.IndexOf(header, "by")]);
            Assert.Equal("'" + Rationale, row[Array.IndexOf(header, "rationale")]);
            var delta = impact.GetProperty("delta");
            Assert.Equal(delta.ValueKind == JsonValueKind.Null ? "" : delta.GetInt32().ToString(), row[Array.IndexOf(header, "delta")]);
        }
        Assert.Contains(rows.Skip(1), row => row[Array.IndexOf(header, "delta")].StartsWith('-'));
        Assert.Contains($"filename={yot}-cci-2009-moderation.csv", disposition);
    }

    [Fact]
    public async Task Scores_and_yot_csvs_come_as_named_attachments()
    {
        var (scores, scoresDisposition) = await Csv($"/inspections/{id}/scores?at=published");
        var (yotRows, yotDisposition) = await Csv($"/yots/{yot}");

        Assert.Contains($"filename={yot}-cci-2009-scores-published.csv", scoresDisposition);
        Assert.Contains($"filename={yot}-inspections.csv", yotDisposition);
        Assert.True(scores.Count > 1 && yotRows.Count > 1);
        Assert.All(scores, row => Assert.Equal(scores[0].Length, row.Length));
        Assert.All(yotRows, row => Assert.Equal(yotRows[0].Length, row.Length));
    }
}
