using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scores;
using CaseLedger.Api.Scoring;
using static CaseLedger.Api.Pages.PageResults;

namespace CaseLedger.Api.Pages.Inspections;

/// <summary>
/// Each headline score at the close of each fieldwork week and at publication (or now, while open): the scores
/// twin asked at <c>week:N</c> and <c>published</c>. A reader who may see only the published record is refused the
/// moments before it by the twin, so their chart has the publication alone.
/// </summary>
public static class WeekPages
{
    public sealed record WeekPoint(string Label, string Point, ScoresEndpoint.ScoresView Scores);

    public static async Task<IResult> WeeksAsync(Guid id, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var (points, refused) = await PointsAsync(id, http, session, schemes, cancellation);
        if (refused is not null) return refused;
        return Page<WeeksPage>(new
        {
            Chrome = PageChrome.For(http) with { Csv = $"{PagesSetup.Root}/inspections/{id}/weeks.csv", Api = points![^1].Point == "now" ? $"/inspections/{id}/scores" : $"/inspections/{id}/scores?at={points[^1].Point}" },
            Points = points,
            Chart = WeekChart.Draw(points),
        });
    }

    public static async Task<IResult> CsvAsync(Guid id, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var (points, refused) = await PointsAsync(id, http, session, schemes, cancellation);
        if (refused is not null) return refused;
        var first = points![0].Scores;
        return Csv.Write(Csv.FileName(first.Yot.Code, first.FrameworkId, "weeks"), ["point", "label", .. ScoreRows.Header],
            points.SelectMany(point => point.Scores.Scores.Where(score => score.Kind == ScopeKind.Theme)
                .Select(score => (IReadOnlyList<object?>)[point.Point, point.Label, .. ScoreRows.Of(score)])));
    }

    private static async Task<(IReadOnlyList<WeekPoint>? Points, IResult? Refused)> PointsAsync(
        Guid id, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        // Reach first, as the twin decides it for the inspection as it stands.
        var now = await Twin.ReadAsync<ScoresEndpoint.ScoresView>(ScoresEndpoint.Get(id, null, null, http, session, schemes, cancellation));
        if (now.Refused) return (null, Problem(http, now.Problem!));
        var header = (await session.LoadAsync<InspectionHeader>(id, cancellation))!;

        var wanted = header.ClosedWeeks.Order().Select(week => ($"close of week {week}", $"week:{week}")).ToList();
        wanted.Add(header.IsPublished ? ("publication", "published") : ("now", "now"));
        var points = new List<WeekPoint>();
        foreach (var (label, point) in wanted)
        {
            var answer = point == "now" ? now : await Twin.ReadAsync<ScoresEndpoint.ScoresView>(ScoresEndpoint.Get(id, point, null, http, session, schemes, cancellation));
            if (answer.Problem?.Status == StatusCodes.Status404NotFound) continue;
            if (answer.Refused) return (null, Problem(http, answer.Problem!));
            points.Add(new WeekPoint(label, point, answer.Value!));
        }
        return (points, null);
    }
}
