using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Scores;
using CaseLedger.Api.ThemeViews;
using CaseLedger.Api.YotViews;
using static CaseLedger.Api.Pages.PageResults;

namespace CaseLedger.Api.Pages.Views;

/// <summary>The pages across inspections, each reading its API twin: the start page (YOTs and themes within reach),
/// a YOT over time, and the national table of one theme.</summary>
public static class ViewPages
{
    /// <summary>Who the views' API twins admit: everyone but administrators, who keep the register and read no inspection.</summary>
    private static readonly string[] Readers = [Roles.Inspector, Roles.LeadInspector, Roles.Auditor, Roles.ReportingClient];

    public static void MapHomePage(this RouteGroupBuilder pages) => pages.MapGet("", HomeAsync);

    public static void MapViewPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/yots/{code}", YotAsync).OnlyFor(Readers);
        pages.MapGet("/yots/{code}/inspections.csv", (string code, string? at, HttpContext http, IQuerySession session, ScoringSchemes schemes, YotTimelineProjection projection,
            CancellationToken cancellation) =>
            Twin.AsCsv(http, () => YotViewsEndpoint.Get(code, at, null, http, session, schemes, projection, cancellation))).OnlyFor(Readers);
        pages.MapGet("/themes/{frameworkId}/{themeId}", ThemeAsync).OnlyFor(Readers);
        pages.MapGet("/themes/{frameworkId}/{themeId}/yots.csv", (string frameworkId, string themeId, string? at, HttpContext http, IQuerySession session,
            ScoringSchemes schemes, FrameworkCatalog catalog, ThemeTimelineProjection projection, CancellationToken cancellation) =>
            Twin.AsCsv(http, () => ThemeViewsEndpoint.Get(frameworkId, themeId, null, at, null, http, session, schemes, catalog, projection, cancellation))).OnlyFor(Readers);
    }

    private static async Task<IResult> HomeAsync(HttpContext http, IQuerySession session, ScoringSchemes schemes, FrameworkCatalog catalog, CancellationToken cancellation)
    {
        var yots = await Twin.ReadAsync<IEnumerable<YotViewsEndpoint.YotSummary>>(YotViewsEndpoint.List(http, session, schemes, cancellation));
        return Page<HomePage>(new
        {
            Chrome = PageChrome.For(http) with { Api = "/yots" },
            Yots = yots.Value!.ToList(),
            Themes = ThemeViewsEndpoint.List(catalog),
        });
    }

    private static async Task<IResult> YotAsync(
        string code, string? at, HttpContext http, IQuerySession session, ScoringSchemes schemes, YotTimelineProjection projection, CancellationToken cancellation)
    {
        var answer = await Twin.ReadAsync<YotViewsEndpoint.YotView>(YotViewsEndpoint.Get(code, at, null, http, session, schemes, projection, cancellation));
        if (answer.Refused) return Problem(http, answer.Problem!);
        var query = Inspections.InspectionPages.Query(("at", at));
        var escaped = Uri.EscapeDataString(code);
        return Page<YotPage>(new
        {
            Chrome = PageChrome.For(http) with { Csv = $"{PagesSetup.Root}/yots/{escaped}/inspections.csv{query}", Api = $"/yots/{escaped}{query}" },
            Yot = answer.Value!,
            At = at,
        });
    }

    private static async Task<IResult> ThemeAsync(
        string frameworkId, string themeId, string? at, string? yot, HttpContext http, IQuerySession session, ScoringSchemes schemes, FrameworkCatalog catalog,
        ThemeTimelineProjection projection, CancellationToken cancellation)
    {
        var answer = await Twin.ReadAsync<ThemeViewsEndpoint.ThemeView>(ThemeViewsEndpoint.Get(frameworkId, themeId, null, at, null, http, session, schemes, catalog, projection, cancellation));
        if (answer.Refused) return Problem(http, answer.Problem!);
        var query = Inspections.InspectionPages.Query(("at", at));
        var path = $"{Uri.EscapeDataString(frameworkId)}/{Uri.EscapeDataString(themeId)}";
        return Page<ThemePage>(new
        {
            Chrome = PageChrome.For(http) with { Csv = $"{PagesSetup.Root}/themes/{path}/yots.csv{query}", Api = $"/themes/{path}{query}" },
            Theme = answer.Value!,
            At = at,
            Beside = yot,
        });
    }
}
