using CaseLedger.Api.Scores;
using CaseLedger.Api.ThemeViews;
using CaseLedger.Api.Timelines;
using CaseLedger.Api.YotViews;

namespace CaseLedger.Tests.Timelines;

/// <summary>
/// The YOT and theme views are projections of their own (issue 21): the daemon stores a timeline per YOT and per
/// framework theme, the reads answer from it, and a rebuild writes it again byte for byte.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TimelineProjectionTests(AppFixture app)
{
    private const string Theme = "safeguarding";

    private static string Pattern(int i) => (i % 5) switch { 0 => "insufficient", 3 => "not-applicable", _ => "sufficient" };

    [Fact]
    public async Task A_publication_is_stored_in_its_yots_and_its_frameworks_theme_timelines_and_the_views_read_them()
    {
        // Given: a published inspection, the daemon caught up.
        var yot = $"tl-{Guid.NewGuid():N}"[..20];
        var (id, _) = await app.Host.GivenScoredInspection("cci-2009", yot, "Wales", "2013-05-06", cases: 2, judgements: 80, Pattern);
        await app.Host.Publish(id);
        await app.Host.CaughtUp();
        var summary = await app.Host.GetJson($"/inspections/{id}");

        // Then the YOT's timeline holds it with its publication, and so does every theme timeline of its framework.
        var stored = await StoredAsync(yot, id);
        var inspection = Assert.Single(stored.Yot!.Inspections);
        Assert.Equal(id, inspection.Id);
        var publication = Assert.Single(inspection.Points);
        Assert.Equal(summary.GetProperty("streamVersion").GetInt64(), publication.Version);
        foreach (var theme in app.Host.Framework("cci-2009").Themes.Where(theme => theme.JudgedBy is null))
        {
            await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var timeline = await session.LoadAsync<ThemeTimeline>(ThemeTimeline.Key("cci-2009", theme.Id, id));
            Assert.Single(timeline!.Find(id)!.Points);
        }

        // And the views read them: a figure spoiled in the stored timelines is what they answer.
        var live = (await app.Host.GetText($"/yots/{yot}"), await app.Host.GetText($"/themes/cci-2009/{Theme}"));
        await SpoilAsync(yot, id);
        var yotView = await app.Host.GetJson($"/yots/{yot}");
        Assert.Empty(yotView.GetProperty("inspections")[0].GetProperty("scores").EnumerateArray());
        var national = await app.Host.GetJson($"/themes/cci-2009/{Theme}");
        Assert.DoesNotContain(national.GetProperty("yots").EnumerateArray(), row => row.GetProperty("code").GetString() == yot);

        // When both are rebuilt, the documents and the reads are what the live daemon made.
        foreach (var name in new[] { YotTimelineProjection.ViewName, ThemeTimelineProjection.ViewName })
            await app.Host.Scenario(s =>
            {
                s.As("admin-1", Roles.Admin).Post.Url($"/admin/projections/rebuild?name={name}");
                s.StatusCodeShouldBeOk();
            });
        await app.Host.CaughtUp();
        Assert.Equal(stored.Json, (await StoredAsync(yot, id)).Json);
        Assert.Equal(live, (await app.Host.GetText($"/yots/{yot}"), await app.Host.GetText($"/themes/cci-2009/{Theme}")));
    }

    [Fact]
    public async Task Judgements_leave_the_timelines_untouched()
    {
        // Given: an open inspection, which its YOT's timeline already holds.
        var yot = $"tl-{Guid.NewGuid():N}"[..20];
        var (id, _) = await app.Host.GivenScoredInspection("cci-2009", yot, "Wales", "2013-06-03", cases: 2, judgements: 10, Pattern);
        await app.Host.CaughtUp();
        var before = await LastWrittenAsync(yot, id);

        // When a batch of judgements is recorded and the daemon has applied it
        var sample = JsonSerializer.Deserialize<SampledCase[]>((await app.Host.GetJson($"/inspections/{id}")).GetProperty("sample").GetRawText(),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        // GivenScoredInspection answered the first ten pairs; these are the next twenty.
        var more = app.Host.ApplicablePairs(sample).Skip(10).Take(20).ToList();
        await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { judgements = more.Select(pair => new { caseId = pair.CaseId, questionId = pair.QuestionId, answer = "sufficient" }) })
                .ToUrl($"/inspections/{id}/judgements/batch");
            s.StatusCodeShouldBe(201);
        });
        await app.Host.CaughtUp();

        // Then neither the YOT's timeline nor its theme's was written again: the daemon hands the projections only
        // openings, publications and corrections.
        Assert.Equal(before, await LastWrittenAsync(yot, id));

        // And a publication does write both, so the check above could have seen a write.
        await app.Host.Publish(id);
        await app.Host.CaughtUp();
        var after = await LastWrittenAsync(yot, id);
        Assert.NotEqual(before.Item1, after.Item1);
        Assert.NotEqual(before.Item2, after.Item2);
    }

    [Fact]
    public async Task A_theme_read_at_a_moment_takes_only_the_entries_that_can_be_each_yots_latest_and_answers_as_every_entry_would()
    {
        // Given: a YOT inspected three times, the first two published, the third open.
        var inspected = await GivenInspectedThriceAsync();
        await app.Host.CaughtUp();

        // Then each inspection has its entry in the theme, and the read chooses from them.
        Assert.Equal(3, await StoredEntriesAsync(inspected));
        await AssertChosenAsync(inspected);
    }

    private sealed record Inspected(string Yot, Guid First, Guid Second, Guid Third, DateTimeOffset Between);

    /// <summary>A YOT inspected three times, the first two published and the third open, and a moment between the
    /// first publication and the second opening (as <see cref="ThemeEntriesChoiceTests"/> has them pending).</summary>
    private async Task<Inspected> GivenInspectedThriceAsync()
    {
        var yot = $"tl-{Guid.NewGuid():N}"[..20];
        var (first, _) = await app.Host.GivenScoredInspection("cci-2009", yot, "Wales", "2013-05-06", cases: 2, judgements: 80, Pattern);
        await app.Host.Publish(first);
        var between = DateTimeOffset.UtcNow;
        var (second, _) = await app.Host.GivenScoredInspection("cci-2009", yot, "Wales", "2015-05-04", cases: 2, judgements: 80, Pattern);
        await app.Host.Publish(second);
        var (third, _) = await app.Host.GivenScoredInspection("cci-2009", yot, "Wales", "2017-05-01", cases: 2, judgements: 80, Pattern);
        return new Inspected(yot, first, second, third, between);
    }

    private async Task<int> StoredEntriesAsync(Inspected inspected)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadManyAsync<ThemeTimeline>(
            [.. new[] { inspected.First, inspected.Second, inspected.Third }.Select(id => ThemeTimeline.Key("cci-2009", Theme, id))])).Count;
    }

    /// <summary>The read for now takes the latest published inspection and the open one after it, and the read at the
    /// moment in either time only the first, the others not opened then; each caller sees what every entry says: the
    /// open inspection for its auditors, the latest published one for a reporting client, the first as it stood.</summary>
    private async Task AssertChosenAsync(Inspected inspected)
    {
        var (yot, first, second, third, between) = inspected;
        Assert.Equal([second, third], await StoredIdsAsync(yot, MomentQuery.Moment.Now));
        Assert.Equal([first], await StoredIdsAsync(yot, new MomentQuery.Moment(between, null)));
        Assert.Equal([first], await StoredIdsAsync(yot, new MomentQuery.Moment(null, between)));

        Guid Row(JsonElement view) => view.GetProperty("yots").EnumerateArray()
            .Single(row => row.GetProperty("code").GetString() == yot).GetProperty("inspectionId").GetGuid();
        Assert.Equal(third, Row(await app.Host.GetJson($"/themes/cci-2009/{Theme}")));
        Assert.Equal(second, Row(await app.Host.GetJson($"/themes/cci-2009/{Theme}", "reporting-1", Roles.ReportingClient)));
        var at = Uri.EscapeDataString(between.ToString("O"));
        Assert.Equal(first, Row(await app.Host.GetJson($"/themes/cci-2009/{Theme}?at={at}", "reporting-1", Roles.ReportingClient)));
        Assert.Equal(first, Row(await app.Host.GetJson($"/themes/cci-2009/{Theme}?recordedAt={at}")));
    }

    /// <summary>This YOT's entries in the theme that the view's read at <paramref name="moment"/> takes from the
    /// database.</summary>
    private async Task<Guid[]> StoredIdsAsync(string yot, MomentQuery.Moment moment)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var entries = await ThemeEntries.LatestPerYotAsync("cci-2009", Theme, moment, app.Host.Services.GetRequiredService<ThemeTimelineProjection>(),
            session, app.Host.Services.GetRequiredService<ScoringSchemes>(), CancellationToken.None);
        return [.. entries.Where(inspection => inspection.Yot.Code == yot).OrderBy(inspection => inspection.Chronology).Select(inspection => inspection.Id)];
    }

    private async Task<(DateTimeOffset, DateTimeOffset)> LastWrittenAsync(string yot, Guid id)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var yotTimeline = (await session.LoadAsync<YotTimeline>(yot))!;
        var themeTimeline = (await session.LoadAsync<ThemeTimeline>(ThemeTimeline.Key("cci-2009", Theme, id)))!;
        return ((await session.MetadataForAsync(yotTimeline))!.LastModified, (await session.MetadataForAsync(themeTimeline))!.LastModified);
    }

    private sealed record Stored(YotTimeline? Yot, string? Json);

    private async Task<Stored> StoredAsync(string yot, Guid id)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var json = await session.Json.FindByIdAsync<YotTimeline>(yot);
        var theme = await session.Json.FindByIdAsync<ThemeTimeline>(ThemeTimeline.Key("cci-2009", Theme, id));
        return new Stored(await session.LoadAsync<YotTimeline>(yot), json + theme?.Length);
    }

    /// <summary>Empties the inspection's published figures in the stored timelines, which the daemon has already
    /// applied, so no read folds anything over them.</summary>
    private async Task SpoilAsync(string yot, Guid id)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var yotTimeline = (await session.LoadAsync<YotTimeline>(yot))!;
        var mine = yotTimeline.Find(id)!;
        mine.Points = [.. mine.Points.Select(point => point with { Figures = new YotFigures([], null) })];
        var themeTimeline = (await session.LoadAsync<ThemeTimeline>(ThemeTimeline.Key("cci-2009", Theme, id)))!;
        var there = themeTimeline.Find(id)!;
        there.Points = [.. there.Points.Select(point => point with { Figures = new ThemeFigures(null, null, null) })];
        session.Store(yotTimeline);
        session.Store(themeTimeline);
        await session.SaveChangesAsync();
    }
}
