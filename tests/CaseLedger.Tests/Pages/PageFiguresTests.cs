using System.Net.Http.Json;
using CaseLedger.Demo;
using CaseLedger.Tests.Demo;

namespace CaseLedger.Tests.Pages;

/// <summary>The published figures as a person reads them on the pages, and the pages agreeing with their API twins.</summary>
[Collection(PagesCollection.Name)]
public sealed class PageFiguresTests(PagesFixture pages)
{
    private static readonly Guid Northamptonshire = DemoInspections.Named("northamptonshire").Id;
    private static readonly Guid Lambeth = DemoInspections.Named("lambeth").Id;

    [Fact]
    public async Task Northamptonshires_report_shows_the_published_headline_scores_with_their_comments()
    {
        var page = await pages.SignedInAsync("auditor-pages", Roles.Auditor);
        await page.GotoAsync($"/app/inspections/{Northamptonshire}");

        foreach (var figure in PublishedFigures.Northamptonshire.Where(f => f.Kind == ScopeKind.Theme))
        {
            var row = page.Locator($"table.themes tr[data-theme='{figure.Id}']");
            Assert.Equal($"{figure.Score}", await row.Locator(".score").GetAttributeAsync("data-score"));
            Assert.Equal(figure.Comment, (await row.Locator(".band").InnerTextAsync()).Trim());
            Assert.Matches(@"\d+ of \d+ sufficient.*95% interval \d+–\d+%", await row.Locator(".counts").InnerTextAsync());
        }
        foreach (var figure in PublishedFigures.Northamptonshire.Where(f => f.Kind == ScopeKind.Criterion))
            Assert.Equal($"{figure.Score}", await page.Locator($"tr[data-criterion='{figure.Id}'] .score").GetAttributeAsync("data-score"));
    }

    [Fact]
    public async Task Lambeths_report_shows_its_five_theme_scores()
    {
        var page = await pages.SignedInAsync("reporting-client-pages", Roles.ReportingClient);
        await page.GotoAsync($"/app/inspections/{Lambeth}");

        foreach (var figure in PublishedFigures.Lambeth)
            Assert.Equal($"{figure.Score}", await page.Locator($"table.themes tr[data-theme='{figure.Id}'] .score").GetAttributeAsync("data-score"));
    }

    [Fact]
    public async Task A_short_quality_screening_reads_as_counted_statements_of_its_own_counts()
    {
        var southend = DemoInspections.Named("southend").Id;
        var page = await pages.SignedInAsync("auditor-pages", Roles.Auditor);
        await page.GotoAsync($"/app/inspections/{southend}");
        using var api = pages.Api("auditor-pages", Roles.Auditor);
        var scores = await api.GetFromJsonAsync<JsonElement>($"/inspections/{southend}/scores");

        Assert.Equal(0, await page.Locator("table.criteria .score").CountAsync());
        var criteria = scores.GetProperty("scores").EnumerateArray().Where(s => s.GetProperty("kind").GetString() == "criterion").ToList();
        Assert.NotEmpty(criteria);
        foreach (var criterion in criteria)
        {
            var (sufficient, insufficient) = (criterion.GetProperty("sufficient").GetInt32(), criterion.GetProperty("insufficient").GetInt32());
            var statement = await page.Locator($"tr[data-criterion='{criterion.GetProperty("id").GetString()}'] .statement").InnerTextAsync();
            Assert.Equal($"{sufficient} of {sufficient + insufficient} answers sufficient", statement);
        }
        // Seed 003, as the letter states it: "sufficient in 17 of the 18 relevant cases".
        Assert.Equal("sufficient in 17 of the 18 relevant cases", await page.Locator("tr[data-question='2.2.a'] td.statement").InnerTextAsync());
    }

    [Fact]
    public async Task The_week_by_week_chart_has_a_point_for_each_headline_score_at_each_weeks_close_and_at_publication()
    {
        var page = await pages.SignedInAsync("auditor-pages", Roles.Auditor);
        await page.GotoAsync($"/app/inspections/{Lambeth}/weeks");
        using var api = pages.Api("auditor-pages", Roles.Auditor);

        foreach (var point in new[] { "week:1", "week:2", "published" })
        {
            var scores = await api.GetFromJsonAsync<JsonElement>($"/inspections/{Lambeth}/scores?at={point}");
            var themes = scores.GetProperty("scores").EnumerateArray().Where(s => s.GetProperty("kind").GetString() == "theme" && s.IntOrNull("score") is not null).ToList();
            Assert.NotEmpty(themes);
            foreach (var theme in themes)
            {
                var dot = page.Locator($"svg.chart g.series[data-theme='{theme.GetProperty("id").GetString()}'] circle[data-point='{point}']");
                Assert.Equal($"{theme.IntOrNull("score")}", await dot.GetAttributeAsync("data-score"));
            }
        }
        // Lambeth's published themes are the chart's last points.
        foreach (var figure in PublishedFigures.Lambeth)
            Assert.Equal($"{figure.Score}", await page.Locator($"g.series[data-theme='{figure.Id}'] circle[data-point='published']").GetAttributeAsync("data-score"));
    }

    [Fact]
    public async Task The_moderation_review_lists_every_moderation_with_its_rationale_and_impact()
    {
        var page = await pages.SignedInAsync("auditor-pages", Roles.Auditor);
        await page.GotoAsync($"/app/inspections/{Lambeth}/moderation");
        using var api = pages.Api("auditor-pages", Roles.Auditor);
        var log = await api.GetFromJsonAsync<JsonElement>($"/inspections/{Lambeth}/moderation");
        var count = log.GetProperty("moderations").GetArrayLength();

        Assert.True(count > 0);
        Assert.Equal($"{count}", await page.Locator("[data-count='moderations']").InnerTextAsync());
        Assert.Equal(count, await page.Locator("section.moderation").CountAsync());
        Assert.Equal(count, await page.Locator("section.moderation blockquote.rationale").CountAsync());
        Assert.Equal(count, await page.Locator("section.moderation table").CountAsync());
    }

    [Fact]
    public async Task The_history_between_two_points_lists_what_its_twin_lists()
    {
        var page = await pages.SignedInAsync("lead-inspector-lambeth", Roles.LeadInspector);
        await page.GotoAsync($"/app/inspections/{Lambeth}/history?from=week:1&to=published");
        using var api = pages.Api("lead-inspector-lambeth", Roles.LeadInspector);
        var history = await api.GetFromJsonAsync<JsonElement>($"/inspections/{Lambeth}/history?from=week:1&to=published");

        Assert.Equal($"{history.GetProperty("movedScores").GetArrayLength()}", await page.Locator("[data-count='moved']").InnerTextAsync());
        Assert.Equal($"{history.GetProperty("changedJudgements").GetArrayLength()}", await page.Locator("[data-count='changed']").InnerTextAsync());
        foreach (var figure in PublishedFigures.Lambeth)
            Assert.Contains($"{figure.Score}%", await page.Locator($"tr[data-scope='theme:{figure.Id}'] td").Nth(1).InnerTextAsync());
        Assert.Equal(history.GetProperty("changedJudgements").GetArrayLength(), await page.Locator("tbody.judgement").CountAsync());
        Assert.True(await page.Locator("tbody.judgement td").Filter(new() { HasText = "lead-inspector-lambeth" }).CountAsync() > 0, "a change names who made it");
    }

    [Fact]
    public async Task The_national_theme_table_shows_the_spread_with_this_yot_beside_it()
    {
        var page = await pages.SignedInAsync("reporting-client-pages", Roles.ReportingClient);
        await page.GotoAsync("/app/themes/cci-2009/safeguarding?yot=northamptonshire");

        var all = await page.Locator("table.spread tbody tr").First.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["1", "80%", "80%", "80%", "80%"], all);
        Assert.Equal(1, await page.Locator("tr.beside[data-yot='northamptonshire']").CountAsync());
    }

    [Fact]
    public async Task A_yot_over_time_shows_its_inspections_headline_themes_apart_from_its_sections()
    {
        var page = await pages.SignedInAsync("reporting-client-pages", Roles.ReportingClient);
        await page.GotoAsync("/app/yots/lambeth");

        var inspection = page.Locator($"section.inspection[data-inspection='{Lambeth}']");
        foreach (var figure in PublishedFigures.Lambeth)
            Assert.Equal($"{figure.Score}", await inspection.Locator($"table.themes tr[data-scope='{figure.Id}'] .score").GetAttributeAsync("data-score"));
        Assert.True(await inspection.Locator("table.sections tbody tr").CountAsync() > 0);
    }
}
