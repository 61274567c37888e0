using Microsoft.Playwright;
using CaseLedger.Demo;
using CaseLedger.Tests.Faults;

namespace CaseLedger.Tests.Pages;

/// <summary>
/// Every page as a person meets it: axe-core (from npm, pinned) finds no serious or critical accessibility
/// violation; nothing loads from outside the host; it prints without its chrome; its CSV link answers a CSV; and
/// a screenshot is left under tests/CaseLedger.Tests/artifacts/pages for a person to look at.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class PageQualityTests(PagesFixture pages)
{
    private static readonly Guid Northamptonshire = DemoInspections.Named("northamptonshire").Id;
    private static readonly Guid Lambeth = DemoInspections.Named("lambeth").Id;
    private static readonly string Axe = Path.Combine(Repository.Root, "tests", "CaseLedger.Tests", "Node", "node_modules", "axe-core", "axe.min.js");

    public static TheoryData<string, string> Pages => new()
    {
        { "report-northamptonshire", $"/app/inspections/{Northamptonshire}" },
        { "report-lambeth", $"/app/inspections/{Lambeth}" },
        { "report-southend", $"/app/inspections/{DemoInspections.Named("southend").Id}" },
        { "weeks-lambeth", $"/app/inspections/{Lambeth}/weeks" },
        { "history-lambeth", $"/app/inspections/{Lambeth}/history?from=week:1&to=published" },
        { "moderation-lambeth", $"/app/inspections/{Lambeth}/moderation" },
        { "yot-lambeth", "/app/yots/lambeth" },
        { "theme-cci-safeguarding", "/app/themes/cci-2009/safeguarding?yot=northamptonshire" },
        { "report-riverford", $"/app/inspections/{DemoInspections.Named("riverford").Id}" },
        { "theme-youth-reviewing", "/app/themes/hmip-youth-2021/2.4?yot=riverford" },
        { "home", "/app" },
        { "not-found", $"/app/inspections/{Guid.Empty}" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_is_accessible_self_contained_printable_and_linked_to_its_csv(string name, string path)
    {
        var page = await pages.SignedInAsync("auditor-pages", Roles.Auditor);
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        var answer = await page.GotoAsync(path);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PagesFixture.Artifacts, $"{name}.png"), FullPage = true });

        Assert.Contains("default-src 'none'", answer!.Headers["content-security-policy"]);
        Assert.All(requested, url => Assert.StartsWith(pages.Address.GetLeftPart(UriPartial.Authority), url));
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Empty(await SeriousViolationsAsync(page));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Empty(await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.masthead, nav, form, .twins')].filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 60))"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(PagesFixture.Artifacts, $"{name}-print.png"), FullPage = true });

        if (await page.Locator(".twins a[download]").CountAsync() == 1)
        {
            var link = await page.Locator(".twins a[download]").GetAttributeAsync("href");
            var csv = await page.APIRequest.GetAsync(link!);
            Assert.Equal(200, csv.Status);
            Assert.StartsWith("text/csv", csv.Headers["content-type"]);
            Assert.Contains(",", (await csv.TextAsync()).Split('\n')[0]);
        }
    }

    [Fact]
    public async Task The_sign_in_chooser_is_accessible_too()
    {
        var context = await pages.Browser.NewContextAsync(new() { BaseURL = pages.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/app/sign-in");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PagesFixture.Artifacts, "sign-in.png"), FullPage = true });

        Assert.Empty(await SeriousViolationsAsync(page));
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "lead-inspector-lambeth", Exact = true }).CountAsync() == 1);
    }

    /// <summary>axe-core's serious and critical findings, each as "rule: where". The page forbids every script, so
    /// axe is evaluated as the page's own function, not added as a script tag the policy would refuse.</summary>
    private static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var source = await File.ReadAllTextAsync(Axe);
        return await page.EvaluateAsync<string[]>($$"""
            async () => {
              {{source}}
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
            }
            """);
    }
}
