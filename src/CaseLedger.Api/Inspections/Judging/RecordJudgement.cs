using Microsoft.AspNetCore.Authorization;
using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseLedger.Api.Inspections.Judging;

public static class RecordJudgementEndpoint
{
    [Authorize(Roles = Roles.InspectionWriters)]
    [WolverinePost("/inspections/{id}/judgements", OperationId = "RecordJudgement")]
    [ProducesResponseType<JudgementView>(201, "application/json")]
    [ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(413, "application/problem+json")]
    public static Task<IResult> Post(
        Guid id, JudgementInput input, HttpContext http, IDocumentStore store,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken cancellation) =>
        LedgerWrites.WithRetryAsync(store, session => Attempt(id, input, http, session, store, frameworks, clock, cancellation), cancellation);

    private static async Task<IResult> Attempt(
        Guid id, JudgementInput input, HttpContext http, IDocumentSession session, IDocumentStore store,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken cancellation)
    {
        if (input is null) return Rejection.MissingBody().ToResult();
        var (context, rejection) = await JudgingContext.LoadAsync(id, http, session, frameworks, cancellation);
        if (rejection is not null) return rejection.ToResult();
        var (actor, header, framework) = context!;

        var judgementId = input.Id ?? Guid.NewGuid();
        var sameId = input.Id is null ? null : await session.LoadAsync<CurrentJudgement>(judgementId, cancellation);
        switch (RecordingDecision.Decide(header, framework, input, judgementId, sameId))
        {
            case RecordingDecision.Refuse refuse:
                return refuse.Rejection.ToResult();
            case RecordingDecision.Repeat repeat:
                return Created(repeat.Existing);
            case RecordingDecision.Record record:
                var judgement = CurrentJudgement.Start(id, record.Event, actor.UserId, clock.GetUtcNow(), header.OpenWeek);
                session.Stamp(actor, http, header.OpenWeek);
                session.Events.Append(id, record.Event);
                session.Insert(judgement);
                session.RequireStillWritable(id, header.OpenWeek);
                try
                {
                    await session.SaveLedgerAsync(id, cancellation);
                    return Created(judgement);
                }
                catch (Exception exception) when (LedgerWrites.IsUniqueViolation(exception))
                {
                    return await ExplainCollisionAsync(store, id, input, judgementId, record.Event, cancellation);
                }
                catch (Exception exception) when (!LedgerWrites.IsStreamVersionCollision(exception) && LedgerWrites.Refusal(exception) is { } refused)
                {
                    return refused.ToResult();
                }
            default:
                throw new InvalidOperationException("Unknown recording decision.");
        }
    }

    /// <summary>
    /// The database refused the insert: either the same request raced itself (same id — a retry, answered with the
    /// first result when it says the same), or another judgement already answers this case and question.
    /// </summary>
    private static async Task<IResult> ExplainCollisionAsync(
        IDocumentStore store, Guid inspectionId, JudgementInput input, Guid judgementId, JudgementRecorded attempted,
        CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var sameId = await query.LoadAsync<CurrentJudgement>(judgementId, cancellation);
        if (sameId is not null)
            return sameId.InspectionId == inspectionId && sameId.SameContentAs(attempted.CaseId, attempted.QuestionId, attempted.Answer, attempted.Reasons, attempted.Note)
                ? Created(sameId)
                : Rejection.Conflict($"Judgement {judgementId} was already recorded with different content.").ToResult();

        var current = await query.Query<CurrentJudgement>().FirstOrDefaultAsync(judgement =>
            judgement.InspectionId == inspectionId && judgement.CaseId == attempted.CaseId && judgement.QuestionId == attempted.QuestionId, cancellation);
        return CaseQuestionTaken(inspectionId, current).ToResult();
    }

    public static Rejection CaseQuestionTaken(Guid inspectionId, CurrentJudgement? current, string? detail = null) => Rejection.Conflict(
        "This case and question already have a judgement; revise it instead.",
        detail,
        new Dictionary<string, object?>
        {
            ["existing"] = current is null ? null : JudgementView.From(current),
            ["existingLocation"] = current is null ? null : $"/inspections/{inspectionId}/judgements/{current.Id}",
        });

    private static IResult Created(CurrentJudgement judgement) =>
        Results.Created($"/inspections/{judgement.InspectionId}/judgements/{judgement.Id}", JudgementView.From(judgement));
}
