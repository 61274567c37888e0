using CaseLedger.Api.Inspections.Judging;

namespace CaseLedger.Api.Inspections.Reading;

public static class InspectionReads
{
    public sealed record InspectionListItem(
        Guid Id, string FrameworkId, int FrameworkVersion, YotReference Yot, string Title, string State,
        int Cases, int? OpenWeek, DateTimeOffset OpenedAt, DateTimeOffset? OpenedRecordedAt, DateTimeOffset? PublishedAt,
        DateTimeOffset? PublishedRecordedAt);

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections", OperationId = "ListInspections")]
    [Tags(Capability.Inspections)]
    [EndpointSummary("List inspections")]
    [EndpointDescription("The inspections within the caller's reach (an inspector or lead: those whose team names them; an auditor: all), filtered by `?yot=` and `?state=`. 400 for an unknown state.")]
    [ProducesResponseType<IReadOnlyList<InspectionListItem>>(200, "application/json")]
    [ProblemResponses(400, 401, 403)]
    public static async Task<IResult> List(string? yot, string? state, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var actor = Actor.From(http)!;
        if (state is not null && state != InspectionStates.Open && state != InspectionStates.Published)
            return Rejection.Invalid("state", $"'{state}' is not one of {InspectionStates.Open}, {InspectionStates.Published}.").ToResult();

        IQueryable<InspectionHeader> query = session.Query<InspectionHeader>();
        if (yot is not null) query = query.Where(header => header.Yot.Code == yot);
        if (state is not null) query = query.Where(header => header.State == state);
        if (!actor.IsAuditor) query = query.Where(header => header.Team.Any(member => member.UserId == actor.UserId));
        var headers = await query.OrderBy(header => header.OpenedAt).ToListAsync(cancellation);
        var milestones = await Milestones.LoadAsync(session, [.. headers.Select(header => header.Id)], cancellation);
        return Results.Ok(headers.Select(header =>
        {
            var times = milestones.GetValueOrDefault(header.Id);
            return new InspectionListItem(
                header.Id, header.FrameworkId, header.FrameworkVersion, header.Yot, header.Title, header.State, header.Sample.Count,
                header.OpenWeek, times?.OpenedAt ?? header.OpenedAt, times?.OpenedRecordedAt, times?.PublishedAt ?? header.PublishedAt,
                times?.PublishedRecordedAt);
        }));
    }

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}", OperationId = "GetInspection")]
    [Tags(Capability.Inspections)]
    [EndpointSummary("Read an inspection")]
    [EndpointDescription("One inspection's summary: framework, YOT, weeks, team, state, stream version and milestones. 404 when it does not exist or is outside the caller's reach.")]
    [ProducesResponseType<InspectionSummary>(200, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var header = await session.LoadAsync<InspectionHeader>(id, cancellation);
        if ((header is null ? InspectionRules.NotFound(id) : InspectionRules.Reachable(header, Actor.From(http)!)) is { } hidden)
            return hidden.ToResult();
        var stream = await session.Events.FetchStreamStateAsync(id, cancellation);
        var milestones = await Milestones.LoadAsync(session, [id], cancellation);
        return Results.Ok(InspectionSummary.From(header!, stream?.Version ?? 0, milestones.GetValueOrDefault(id)));
    }

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/judgements", OperationId = "ListJudgements")]
    [Tags(Capability.Judgements)]
    [EndpointSummary("List an inspection's judgements")]
    [EndpointDescription("The current judgements with their versions, filtered by `?caseId=` and `?questionId=`. 404 outside reach.")]
    [ProducesResponseType<IReadOnlyList<JudgementView>>(200, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Judgements(
        Guid id, Guid? caseId, string? questionId, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (await InspectionReach.CheckAsync(id, http, session, cancellation) is { } hidden) return hidden.ToResult();
        var query = session.Query<CurrentJudgement>().Where(judgement => judgement.InspectionId == id);
        if (caseId is { } onCase) query = query.Where(judgement => judgement.CaseId == onCase);
        if (questionId is not null) query = query.Where(judgement => judgement.QuestionId == questionId);
        var judgements = await query.ToListAsync(cancellation);
        return Results.Ok(judgements.OrderBy(j => j.CaseId).ThenBy(j => j.QuestionId, StringComparer.Ordinal).Select(JudgementView.From));
    }

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/judgements/{judgementId}", OperationId = "GetJudgement")]
    [Tags(Capability.Judgements)]
    [EndpointSummary("Read a judgement")]
    [EndpointDescription("One judgement as it stands, with its version (state it as `expectedVersion` to change it). 404 when it does not exist or is outside reach.")]
    [ProducesResponseType<JudgementView>(200, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Judgement(Guid id, Guid judgementId, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (await InspectionReach.CheckAsync(id, http, session, cancellation) is { } hidden) return hidden.ToResult();
        var judgement = await session.LoadAsync<CurrentJudgement>(judgementId, cancellation);
        return judgement is null || judgement.InspectionId != id
            ? Rejection.NotFound($"Judgement {judgementId} is not in inspection {id}.").ToResult()
            : Results.Ok(JudgementView.From(judgement));
    }
}
