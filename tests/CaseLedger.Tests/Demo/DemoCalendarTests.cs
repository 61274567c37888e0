using System.Net.Http.Json;
using CaseLedger.Demo;

namespace CaseLedger.Tests.Demo;

/// <summary>
/// The demo in its own calendar (DESIGN §11): a reporting client's YOT and theme views at a date list the demo
/// inspections the reports say were published by then, with nothing unpublished, and a summary's dates are the
/// reports' dates, not the day the demo was loaded.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DemoCalendarTests(AppFixture app)
{
    public static TheoryData<string, string[]> Dates() => new()
    {
        { "2012-05-31T00:00:00Z", [] },
        { "2012-07-01T00:00:00Z", ["northamptonshire"] },
        { "2015-01-15T00:00:00Z", ["northamptonshire", "lambeth"] },
        { "2015-04-01T00:00:00Z", ["northamptonshire", "lambeth", "stockport"] },
        { "2016-06-16T00:00:00Z", ["northamptonshire", "lambeth", "stockport", "southend"] },
        { "2016-07-01T00:00:00Z", ["northamptonshire", "lambeth", "stockport", "southend", "norfolk"] },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task Views_at_a_date_list_exactly_the_demo_inspections_published_by_then(string at, string[] published)
    {
        await app.Host.EnsureDemoLoaded();
        await app.Host.CaughtUp();
        var reporting = app.Host.ClientAs("reporting-demo-calendar", Roles.ReportingClient);
        var demo = DemoInspections.All.ToDictionary(inspection => inspection.Id, inspection => inspection.Key);

        var seen = new HashSet<string>();
        var themes = await reporting.GetFromJsonAsync<JsonElement>("/themes");
        foreach (var theme in themes.EnumerateArray())
        {
            var view = await reporting.GetFromJsonAsync<JsonElement>(
                $"/themes/{theme.GetProperty("frameworkId").GetString()}/{theme.GetProperty("themeId").GetString()}?at={Uri.EscapeDataString(at)}");
            foreach (var yot in view.GetProperty("yots").EnumerateArray())
            {
                Assert.Equal("published", yot.GetProperty("state").GetString());
                if (demo.TryGetValue(yot.GetProperty("inspectionId").GetGuid(), out var key)) seen.Add(key);
            }
        }
        foreach (var inspection in DemoInspections.All)
        {
            var response = await reporting.GetAsync($"/yots/{inspection.Yot.Code}?at={Uri.EscapeDataString(at)}");
            if (!response.IsSuccessStatusCode) continue;
            var view = await response.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var listed in view.GetProperty("inspections").EnumerateArray())
            {
                Assert.Equal("published", listed.GetProperty("state").GetString());
                Assert.True(listed.GetProperty("publishedAt").GetDateTimeOffset() <= DateTimeOffset.Parse(at));
                if (demo.TryGetValue(listed.GetProperty("id").GetGuid(), out var key)) seen.Add(key);
            }
        }

        Assert.Equal(published.Order(), seen.Order());
    }

    [Fact]
    public async Task A_demo_summary_gives_the_reports_dates_and_when_the_ledger_recorded_them()
    {
        await app.Host.EnsureDemoLoaded();
        var norfolk = await (await app.Host.Auditor().GetAsync($"/inspections/{DemoInspections.Named("norfolk").Id}"))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(new DateOnly(2016, 6, 22), DateOnly.FromDateTime(norfolk.GetProperty("publishedAt").GetDateTimeOffset().UtcDateTime));
        Assert.True(norfolk.GetProperty("openedAt").GetDateTimeOffset() < new DateTimeOffset(2016, 5, 23, 0, 0, 0, TimeSpan.Zero));
        Assert.True(norfolk.GetProperty("publishedRecordedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-2));
    }
}
