using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Scores;

/// <summary>The inspection scoreboard: every criterion, section and theme score with counts, band and interval,
/// and the sample profile; now, or as it stood at a point (<c>?at=</c>, valid time) as the ledger held it at a
/// recorded moment (<c>?recordedAt=</c>). A figure a correction after publication moved shows the published one
/// beside it.</summary>
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
        DateTimeOffset? PublishedRecordedAt,
        ResolvedPoint AsOf,
        IReadOnlyList<ScopeScore> Scores,
        SampleProfile Profile,
        RatingBoard? Ratings);

    [Authorize(Roles = Roles.InspectionReaders + "," + Roles.ReportingClient)]
    [WolverineGet("/inspections/{id}/scores", OperationId = "GetScores")]
    [AnswersCsv]
    [Tags(Capability.Scores)]
    [EndpointSummary("Read an inspection's scores")]
    [EndpointDescription("The scoreboard (criterion, section and headline theme scores with counts, exact percentage, rounded score, band and Wilson interval) and the sample profile, now or as it stood at `?at=` (and `?recordedAt=`). JSON, or CSV with `Accept: text/csv`. A reporting client, or anyone off the team, sees only what was published: any moment before publication is a 404 like an inspection outside reach. 400 for a malformed point.")]
    [ProducesResponseType<ScoresView>(StatusCodes.Status200OK, "application/json")]
    [ProblemResponses(400, 404)]
    public static async Task<IResult> Get(
        Guid id, string? at, string? recordedAt, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var point = PointQuery.Point(errors, "at", at);
        var recorded = PointQuery.RecordedAt(errors, recordedAt);
        if (errors.ToRejection() is { } invalid) return invalid.ToResult();

        var (scores, sight, hidden) = await ScoresAccess.LoadAsync(id, Actor.From(http)!, session, schemes, cancellation);
        if (hidden is not null) return hidden.ToResult();

        var reader = new PointReader(session, schemes);
        var (resolved, rejection) = await reader.ResolveAsync(scores!, scores!.Version, point, recorded, cancellation: cancellation);
        // A caller who may see only the published record learns nothing of the moments before it, not even
        // which of them are points: every one is answered as an inspection outside their reach.
        if (rejection is not null && sight == Sight.Published) return InspectionRules.NotFound(id).ToResult();
        if (rejection is not null) return rejection.ToResult();
        if (!sight.MaySee(resolved!, scores)) return InspectionRules.NotFound(id).ToResult();

        var board = Corrections.Mark((await reader.TallyAtAsync(scores, resolved!, cancellation)).Scoreboard(), scores, schemes, resolved!);
        var published = scores.IsPublishedAt(resolved!);
        var (evidence, overrides) = RatingEntries.At(scores.Ratings, resolved!);
        var ratings = Rater.Rate(schemes.Framework(scores.FrameworkId, scores.FrameworkVersion), board, evidence, overrides);
        var view = new ScoresView(id, scores.FrameworkId, scores.FrameworkVersion, scores.Yot, scores.Title,
            published ? InspectionStates.Published : InspectionStates.Open,
            published ? scores.PublishedAt : null, published ? scores.PublishedRecordedAt : null, resolved!, board.Scores, scores.Profile, ratings);

        if (!Csv.Wanted(http)) return Results.Ok(view);
        var file = Csv.FileName(scores.Yot.Code, scores.FrameworkId, "scores", point?.Text ?? (recorded is null ? null : "recorded-" + recordedAt));
        return ratings is null
            ? Csv.Write(file, ScoreRows.Header, board.Scores.Select(ScoreRows.Of))
            : Csv.Write(file, ScoreRows.RatingHeader, [.. board.Scores.Select(score => (IReadOnlyList<object?>)[.. ScoreRows.Of(score), null, null, null, null]), .. ScoreRows.Of(ratings)]);
    }
}
