using Microsoft.Playwright;
using CaseLedger.Demo;

namespace CaseLedger.Tests.Pages;

/// <summary>The pages keep the API's reach: outside it a page is a 404, and a reporting client sees published work only.</summary>
[Collection(PagesCollection.Name)]
public sealed class PageReachTests(PagesFixture pages)
{
    private static readonly Guid Lambeth = DemoInspections.Named("lambeth").Id;

    [Theory]
    [InlineData("reporting-client-pages", Roles.ReportingClient, "/history")]
    [InlineData("reporting-client-pages", Roles.ReportingClient, "/moderation")]
    [InlineData("reporting-client-pages", Roles.ReportingClient, "/history.csv")]
    [InlineData("inspector-1-lambeth", Roles.Inspector, "/moderation")]
    [InlineData("lead-inspector-northamptonshire", Roles.LeadInspector, "/history")]
    [InlineData("lead-inspector-northamptonshire", Roles.LeadInspector, "/moderation")]
    [InlineData("admin-pages", Roles.Admin, "")]
    [InlineData("admin-pages", Roles.Admin, "/weeks")]
    public async Task A_page_outside_the_readers_reach_is_not_found(string user, string role, string page)
    {
        var browser = await pages.SignedInAsync(user, role);

        var answer = await browser.GotoAsync($"/app/inspections/{Lambeth}{page}");

        Assert.Equal(404, answer!.Status);
        Assert.DoesNotContain("Lambeth", await browser.TitleAsync());
    }

    [Fact]
    public async Task An_unknown_inspection_yot_or_theme_is_not_found()
    {
        var browser = await pages.SignedInAsync("auditor-pages", Roles.Auditor);

        Assert.Equal(404, (await browser.GotoAsync($"/app/inspections/{Guid.NewGuid()}"))!.Status);
        Assert.Equal(404, (await browser.GotoAsync("/app/yots/nowhere"))!.Status);
        Assert.Equal(404, (await browser.GotoAsync("/app/themes/cci-2009/no-such-theme"))!.Status);
        Assert.Equal(404, (await browser.GotoAsync("/app/inspections/not-an-id"))!.Status);
    }

    [Fact]
    public async Task A_reporting_clients_week_by_week_chart_has_the_publication_alone()
    {
        var browser = await pages.SignedInAsync("reporting-client-pages", Roles.ReportingClient);
        await browser.GotoAsync($"/app/inspections/{Lambeth}/weeks");

        var points = (await browser.Locator("svg.chart circle").EvaluateAllAsync<string[]>("dots => dots.map(d => d.dataset.point)")).Distinct();
        Assert.Equal(["published"], points);
        Assert.Equal(0, await browser.Locator("a[href$='/history']").CountAsync());
    }

    [Fact]
    public async Task Signing_out_takes_the_page_away()
    {
        var browser = await pages.SignedInAsync("auditor-pages", Roles.Auditor);
        await browser.GotoAsync($"/app/inspections/{Lambeth}");

        await browser.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await browser.GotoAsync($"/app/inspections/{Lambeth}");

        Assert.EndsWith($"/app/sign-in?returnUrl=%2Fapp%2Finspections%2F{Lambeth}", browser.Url);
    }

    [Theory]
    [InlineData("user=someone&role=superuser", "role")]
    [InlineData("user=%20&role=auditor", "user")]
    [InlineData("user=someone&role=auditor&returnUrl=//elsewhere.example/app", "returnUrl")]
    [InlineData("user=someone&role=auditor&returnUrl=https://elsewhere.example/app", "returnUrl")]
    public async Task A_sign_in_the_chooser_cannot_take_is_refused_in_the_readers_words(string query, string field)
    {
        var context = await pages.Browser.NewContextAsync(new() { BaseURL = pages.Address.ToString() });
        var browser = await context.NewPageAsync();

        var answer = await browser.GotoAsync($"/app/sign-in?{query}");

        Assert.Equal(400, answer!.Status);
        Assert.Contains(field, await browser.Locator("[role=alert]").InnerTextAsync());
        Assert.Empty(await context.CookiesAsync());
    }

    [Fact]
    public async Task Without_signing_in_a_page_sends_the_reader_to_the_chooser()
    {
        var context = await pages.Browser.NewContextAsync(new() { BaseURL = pages.Address.ToString() });
        var browser = await context.NewPageAsync();

        await browser.GotoAsync($"/app/inspections/{Lambeth}");
        Assert.Contains("/app/sign-in", browser.Url);
        await browser.GetByRole(AriaRole.Link, new() { Name = "lead-inspector-lambeth", Exact = true }).ClickAsync();

        Assert.EndsWith($"/app/inspections/{Lambeth}", browser.Url);
        Assert.Equal("lead-inspector-lambeth", await browser.Locator(".who strong").InnerTextAsync());
    }

    [Fact]
    public async Task The_pages_cookie_opens_no_api_route()
    {
        var browser = await pages.SignedInAsync("auditor-pages", Roles.Auditor);

        var api = await browser.APIRequest.GetAsync($"/inspections/{Lambeth}/scores");

        Assert.Equal(401, api.Status);
    }

    [Fact]
    public async Task A_point_that_is_markup_is_refused_as_text()
    {
        var browser = await pages.SignedInAsync("auditor-pages", Roles.Auditor);

        var answer = await browser.GotoAsync($"/app/inspections/{Lambeth}/history?from={Uri.EscapeDataString("<script>alert(1)</script>")}");

        Assert.Equal(400, answer!.Status);
        Assert.Equal(0, await browser.Locator("script").CountAsync());
        Assert.Contains("from", await browser.Locator("[role=alert]").Last.InnerTextAsync());
    }
}
