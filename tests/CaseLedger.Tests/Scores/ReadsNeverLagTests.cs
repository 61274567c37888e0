namespace CaseLedger.Tests.Scores;

/// <summary>
/// Finding 9 of the security review: right after a publication, the reporting client's scores and YOT reads were a
/// 404 for about a second, because the reach check read the async view; the YOT and theme views read stored counts.
/// With the daemon stopped, every read straight after each kind of write must already show it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReadsNeverLagTests(AppFixture app)
{
    private readonly string yot = $"lag-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Every_read_straight_after_each_kind_of_write_shows_it()
    {
        await app.Host.GivenYot(yot, region: "Yorkshire and the Humber");
        await using var paused = await PausedViews.StartAsync(app.Host);

        // Opening: the YOT view lists the new inspection.
        var id = await app.Host.GivenInspection(yot: yot);
        var opened = await app.Host.GetJson($"/yots/{yot}");
        Assert.Equal(id, opened.GetProperty("inspections")[0].GetProperty("id").GetGuid());
        Assert.Null(await StoredScores(id));

        // Recording: the scoreboard, the YOT view and the theme view count the judgements.
        var @case = await app.Host.GivenCase(id, "C01");
        await app.Host.OpenWeek(id, 1);
        var recorded = await app.Host.GivenJudgement(id, @case.Id, "1.1.a", "insufficient");
        await app.Host.GivenJudgement(id, @case.Id, "1.1.b", "sufficient");
        var riskOfHarm = (await app.Host.GetJson($"/inspections/{id}/scores")).GetProperty("scores").Scope("theme", "risk-of-harm");
        Assert.Equal((1, 1), (riskOfHarm.GetProperty("sufficient").GetInt32(), riskOfHarm.GetProperty("insufficient").GetInt32()));
        var inYot = (await app.Host.GetJson($"/yots/{yot}")).GetProperty("inspections")[0].GetProperty("scores").Scope("theme", "risk-of-harm");
        Assert.Equal(50, inYot.GetProperty("score").GetInt32());
        var theme = await app.Host.GetJson("/themes/cci-2009/risk-of-harm?region=Yorkshire%20and%20the%20Humber");
        Assert.Equal(50, theme.GetProperty("yots").EnumerateArray().Single(y => y.GetProperty("code").GetString() == yot)
            .GetProperty("score").GetProperty("score").GetInt32());

        // Closing a week: it is a point in time at once.
        await app.Host.CloseWeek(id, 1);
        var week1 = await app.Host.GetJson($"/inspections/{id}/scores?at=week:1");
        Assert.Equal(50, week1.GetProperty("scores").Scope("theme", "risk-of-harm").GetProperty("score").GetInt32());

        // Moderating: the log and the scores show it.
        await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { answer = "sufficient", rationale = "screening on the paper file", expectedVersion = 1 })
                .ToUrl($"/inspections/{id}/judgements/{recorded.Id}/moderations");
            s.StatusCodeShouldBeOk();
        });
        Assert.Single((await app.Host.GetJson($"/inspections/{id}/moderation")).GetProperty("moderations").EnumerateArray());
        Assert.Equal(100, (await app.Host.GetJson($"/inspections/{id}/scores")).GetProperty("scores").Scope("theme", "risk-of-harm").GetProperty("score").GetInt32());

        // Publishing: the reporting client sees it everywhere at once.
        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/publish"); s.StatusCodeShouldBeOk(); });
        var scores = await app.Host.GetJson($"/inspections/{id}/scores", "reporting-1", Roles.ReportingClient);
        Assert.Equal(InspectionStates.Published, scores.GetProperty("state").GetString());
        var yotView = await app.Host.GetJson($"/yots/{yot}", "reporting-1", Roles.ReportingClient);
        Assert.Equal(InspectionStates.Published, yotView.GetProperty("inspections")[0].GetProperty("state").GetString());
        var list = await app.Host.GetJson("/yots", "reporting-1", Roles.ReportingClient);
        Assert.Contains(list.EnumerateArray(), y => y.GetProperty("code").GetString() == yot);
        var published = await app.Host.GetJson("/themes/cci-2009/risk-of-harm", "reporting-1", Roles.ReportingClient);
        Assert.Contains(published.GetProperty("yots").EnumerateArray(), y => y.GetProperty("code").GetString() == yot);

        // And the audit check agrees with the ledger, though no view has applied a single event of it.
        var verified = await app.Host.GetJson($"/inspections/{id}/verify");
        Assert.True(verified.GetProperty("agrees").GetBoolean(), verified.ToString());
        Assert.Null(await StoredScores(id));
    }

    private async Task<object?> StoredScores(Guid id)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<Api.Scores.InspectionScores>(id);
    }
}
