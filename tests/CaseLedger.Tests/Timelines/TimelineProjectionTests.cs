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
        var stored = await StoredAsync(yot);
        var inspection = Assert.Single(stored.Yot!.Inspections);
        Assert.Equal(id, inspection.Id);
        var publication = Assert.Single(inspection.Points);
        Assert.Equal(summary.GetProperty("streamVersion").GetInt64(), publication.Version);
        foreach (var theme in app.Host.Framework("cci-2009").Themes.Where(theme => theme.JudgedBy is null))
        {
            await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var timeline = await session.LoadAsync<ThemeTimeline>(ThemeTimeline.Key("cci-2009", theme.Id));
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
        Assert.Equal(stored.Json, (await StoredAsync(yot)).Json);
        Assert.Equal(live, (await app.Host.GetText($"/yots/{yot}"), await app.Host.GetText($"/themes/cci-2009/{Theme}")));
    }

    private sealed record Stored(YotTimeline? Yot, string? Json);

    private async Task<Stored> StoredAsync(string yot)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var json = await session.Json.FindByIdAsync<YotTimeline>(yot);
        var theme = await session.Json.FindByIdAsync<ThemeTimeline>(ThemeTimeline.Key("cci-2009", Theme));
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
        var themeTimeline = (await session.LoadAsync<ThemeTimeline>(ThemeTimeline.Key("cci-2009", Theme)))!;
        var there = themeTimeline.Find(id)!;
        there.Points = [.. there.Points.Select(point => point with { Figures = new ThemeFigures(null, null, null) })];
        session.Store(yotTimeline);
        session.Store(themeTimeline);
        await session.SaveChangesAsync();
    }
}
