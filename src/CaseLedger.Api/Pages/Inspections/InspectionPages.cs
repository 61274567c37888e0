using CaseLedger.Api.Inspections;
using CaseLedger.Api.History;
using CaseLedger.Api.Moderation;
using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Scores;
using static CaseLedger.Api.Pages.PageResults;

namespace CaseLedger.Api.Pages.Inspections;

/// <summary>One inspection's pages, each reading its API twin: the report (scores), its scores week by week, the
/// history between two points and the moderation review (the last two for auditors and lead inspectors).</summary>
public static class InspectionPages
{
    public static void MapInspectionPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/inspections/{id:guid}", ReportAsync);
        pages.MapGet("/inspections/{id:guid}/scores.csv", (Guid id, string? at, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation) =>
            Twin.AsCsv(http, () => ScoresEndpoint.Get(id, at, null, http, session, schemes, cancellation)));
        pages.MapGet("/inspections/{id:guid}/weeks", WeekPages.WeeksAsync);
        pages.MapGet("/inspections/{id:guid}/weeks.csv", WeekPages.CsvAsync);
        pages.MapGet("/inspections/{id:guid}/history", HistoryAsync).OnlyFor(Roles.Auditor, Roles.LeadInspector);
        pages.MapGet("/inspections/{id:guid}/history.csv", HistoryCsv.WriteAsync).OnlyFor(Roles.Auditor, Roles.LeadInspector);
        pages.MapGet("/inspections/{id:guid}/moderation", ModerationAsync).OnlyFor(Roles.Auditor, Roles.LeadInspector);
        pages.MapGet("/inspections/{id:guid}/moderation.csv", (Guid id, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation) =>
            Twin.AsCsv(http, () => ModerationEndpoint.Get(id, null, http, session, schemes, cancellation))).OnlyFor(Roles.Auditor, Roles.LeadInspector);
    }

    private static async Task<IResult> ReportAsync(
        Guid id, string? at, HttpContext http, IQuerySession session, ScoringSchemes schemes, FrameworkCatalog catalog, CancellationToken cancellation)
    {
        var answer = await Twin.ReadAsync<ScoresEndpoint.ScoresView>(ScoresEndpoint.Get(id, at, null, http, session, schemes, cancellation));
        if (answer.Refused) return Problem(http, answer.Problem!);
        var scores = answer.Value!;
        var query = at is null ? "" : $"?at={Uri.EscapeDataString(at)}";
        var framework = catalog.Find(scores.FrameworkId, scores.FrameworkVersion)!;
        return Page<ReportPage>(new
        {
            Chrome = PageChrome.For(http) with { Csv = $"{PagesSetup.Root}/inspections/{id}/scores.csv{query}", Api = $"/inspections/{id}/scores{query}" },
            Scores = scores,
            Framework = framework,
            At = at,
            Questions = ReportTerms.Counts(scores.FrameworkId) && at is null
                ? await QuestionCount.ReadAsync(id, framework, http, session, cancellation)
                : [],
        });
    }

    private static async Task<IResult> HistoryAsync(
        Guid id, string? from, string? to, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var answer = await Twin.ReadAsync<HistoryEndpoint.HistoryView>(HistoryEndpoint.Get(id, from, to, http, session, schemes, cancellation));
        if (answer.Refused) return Problem(http, answer.Problem!);
        var header = (await session.LoadAsync<InspectionHeader>(id, cancellation))!;
        var query = Query(("from", from), ("to", to));
        return Page<HistoryPage>(new
        {
            Chrome = PageChrome.For(http) with { Csv = $"{PagesSetup.Root}/inspections/{id}/history.csv{query}", Api = $"/inspections/{id}/history{query}" },
            History = answer.Value!,
            Header = header,
            From = from,
            To = to,
        });
    }

    private static async Task<IResult> ModerationAsync(
        Guid id, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var answer = await Twin.ReadAsync<ModerationEndpoint.ModerationView>(ModerationEndpoint.Get(id, null, http, session, schemes, cancellation));
        if (answer.Refused) return Problem(http, answer.Problem!);
        var header = (await session.LoadAsync<InspectionHeader>(id, cancellation))!;
        return Page<ModerationPage>(new
        {
            Chrome = PageChrome.For(http) with { Csv = $"{PagesSetup.Root}/inspections/{id}/moderation.csv", Api = $"/inspections/{id}/moderation" },
            Log = answer.Value!,
            Header = header,
        });
    }

    public static string Query(params (string Name, string? Value)[] values)
    {
        var given = values.Where(value => value.Value is not null).Select(value => $"{value.Name}={Uri.EscapeDataString(value.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }
}
