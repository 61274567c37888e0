using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Scores;

/// <summary>The inspection scoreboard: every criterion, section and theme score with counts, band and interval,
/// and the sample profile; now, or as it stood at a point in time (<c>?at=</c>).</summary>
public static class ScoresEndpoint
{
    public sealed record ScoresView(
        Guid InspectionId,
        string FrameworkId,
        int FrameworkVersion,
        YotReference Yot,
        string Title,
        string State,
        DateTimeOffset? PublishedAt,
        ResolvedPoint AsOf,
        IReadOnlyList<ScopeScore> Scores,
        SampleProfile Profile);

    [Authorize(Roles = Roles.InspectionReaders + "," + Roles.ReportingClient)]
    [WolverineGet("/inspections/{id}/scores", OperationId = "GetScores")]
    [ProducesResponseType<ScoresView>(StatusCodes.Status200OK, "application/json")]
    [ProblemResponses(400, 404)]
    public static async Task<IResult> Get(
        Guid id, string? at, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var point = at is null ? null : PointInTime.Parse(at);
        if (at is not null && point is null)
            return Rejection.Invalid("at", $"'{at}' is not a point in time. Use {PointInTime.Forms}.").ToResult();

        var (scores, sight, hidden) = await ScoresAccess.LoadAsync(id, Actor.From(http)!, session, schemes, cancellation);
        if (hidden is not null) return hidden.ToResult();

        var reader = new PointReader(session, schemes);
        var resolved = new ResolvedPoint("now", scores!.Version, null);
        if (point is not null)
        {
            var (found, rejection) = await reader.ResolveAsync(scores, scores.Version, point, cancellation);
            // A caller who may see only the published record learns nothing of the moments before it, not even
            // which of them are points: every one is answered as an inspection outside their reach.
            if (rejection is not null && sight == Sight.Published) return InspectionRules.NotFound(id).ToResult();
            if (rejection is not null) return rejection.ToResult();
            resolved = found!;
        }
        if (!sight.MaySeeVersion(resolved.Version, scores.PublishedVersion)) return InspectionRules.NotFound(id).ToResult();

        var board = (await reader.TallyAtAsync(scores, resolved.Version, cancellation)).Scoreboard();
        var published = scores.PublishedVersion is { } publishedAt && publishedAt <= resolved.Version;
        var view = new ScoresView(id, scores.FrameworkId, scores.FrameworkVersion, scores.Yot, scores.Title,
            published ? InspectionStates.Published : InspectionStates.Open,
            published ? scores.PublishedAt : null, resolved, board.Scores, scores.Profile);

        return Csv.Wanted(http)
            ? Csv.Write(Csv.FileName(scores.Yot.Code, scores.FrameworkId, "scores", point?.Text), ScoreRows.Header, board.Scores.Select(ScoreRows.Of))
            : Results.Ok(view);
    }
}
