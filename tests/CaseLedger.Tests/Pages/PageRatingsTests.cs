using System.Net.Http.Json;
using CaseLedger.Demo;

namespace CaseLedger.Tests.Pages;

/// <summary>Today's framework as a person reads it: the ratings table of the fictional Riverford report, and a rated
/// standard's national table, each agreeing with its API twin.</summary>
[Collection(PagesCollection.Name)]
public sealed class PageRatingsTests(PagesFixture pages)
{
    private static readonly Guid Riverford = DemoInspections.Named("riverford").Id;

    [Fact]
    public async Task Riverfords_report_shows_each_standards_rating_the_override_beside_its_derived_rating_and_the_overall()
    {
        var page = await pages.SignedInAsync("reporting-client-pages", Roles.ReportingClient);
        await page.GotoAsync($"/app/inspections/{Riverford}");
        using var api = pages.Api("reporting-client-pages", Roles.ReportingClient);
        var standards = (await api.GetFromJsonAsync<JsonElement>($"/inspections/{Riverford}/scores")).GetProperty("ratings").GetProperty("standards").EnumerateArray().ToList();

        foreach (var standard in standards)
        {
            var row = page.Locator($"table.ratings tr[data-standard='{standard.GetProperty("id").GetString()}']");
            var words = (await row.Locator(".rating").InnerTextAsync()).Trim();
            Assert.StartsWith(Label(standard.GetProperty("rating").GetString()!), words);
            Assert.Equal(standard.GetProperty("overridden").GetBoolean(), words.Contains("overridden"));
        }
        Assert.Equal("Requires improvement (overridden; derived Inadequate)", (await page.Locator("tr[data-standard='2.4'] .rating").InnerTextAsync()).Trim());
        Assert.Equal("Good", (await page.Locator("tr[data-standard='overall'] .rating").InnerTextAsync()).Trim());
        Assert.Contains("23 of 36 points", await page.Locator("tr[data-standard='overall']").InnerTextAsync());
    }

    [Fact]
    public async Task A_rated_standards_national_table_counts_the_yots_per_rating()
    {
        var page = await pages.SignedInAsync("reporting-client-pages", Roles.ReportingClient);
        await page.GotoAsync("/app/themes/hmip-youth-2021/2.4");

        Assert.Equal("2.4 Reviewing", (await page.Locator("h1").InnerTextAsync()).Trim());
        var all = page.Locator("table.rating-counts tr[data-region='all'] td");
        Assert.Equal(4, await all.CountAsync());
        Assert.True(int.Parse(await all.Nth(2).InnerTextAsync()) >= 1, "Riverford's 2.4 is rated requires improvement");
    }

    private static string Label(string rating) => char.ToUpperInvariant(rating[0]) + rating[1..].Replace('-', ' ');
}
