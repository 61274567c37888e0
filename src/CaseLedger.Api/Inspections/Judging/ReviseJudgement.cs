using Microsoft.AspNetCore.Authorization;
using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseLedger.Api.Inspections.Judging;

public sealed record ReviseJudgement(string? Answer, IReadOnlyList<string>? Reasons, string? Note, int? ExpectedVersion);

/// <summary>A team member changes a judgement during fieldwork, stating the version they saw.</summary>
public static class ReviseJudgementEndpoint
{
    [Authorize(Roles = Roles.InspectionWriters)]
    [WolverinePost("/inspections/{id}/judgements/{judgementId}/revisions", OperationId = "ReviseJudgement")]
    [ProducesResponseType<JudgementView>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(413, "application/problem+json")]
    public static Task<IResult> Post(
        Guid id, Guid judgementId, ReviseJudgement command, HttpContext http, IDocumentStore store,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken cancellation) =>
        JudgementChanges.ApplyAsync(id, judgementId, http, store, frameworks,
            context => InspectionRules.Writable(context.Header) ?? InspectionRules.WeekOpen(context.Header),
            (context, current) => command is null ? (null!, current, Rejection.MissingBody()) : Decide(context, current, command, clock.GetUtcNow()),
            cancellation);

    public static (object Event, CurrentJudgement Changed, Rejection? Rejection) Decide(
        JudgingContext context, CurrentJudgement current, ReviseJudgement command, DateTimeOffset now)
    {
        var (answer, reasons, note, rejection) = ChangeDecision.Decide(context.Framework, current,
            new ChangeDecision.Change(command.Answer, command.Reasons, command.Note, command.ExpectedVersion), ChangeDecision.Explanation.OptionalNote);
        if (rejection is not null) return (null!, current, rejection);

        var revised = new JudgementRevised(current.Id, current.CaseId, current.QuestionId, current.Answer, answer, reasons, note, current.Version + 1);
        return (revised, current.Apply(revised, context.Actor.UserId, now, context.Header.OpenWeek), null);
    }
}
