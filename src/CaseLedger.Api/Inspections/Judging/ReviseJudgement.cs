using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Judging;

public sealed record ReviseJudgement(string? Answer, IReadOnlyList<string>? Reasons, string? Note, int? ExpectedVersion, string? OccurredAt = null)
{
    public ChangeDecision.Change ToChange() => new(Answer, Reasons, Note, ExpectedVersion, OccurredAt);
}

/// <summary>A team member changes a judgement during fieldwork, stating the version they saw.</summary>
public static class ReviseJudgementEndpoint
{
    [Authorize(Roles = Roles.InspectionWriters)]
    [WolverinePost("/inspections/{id}/judgements/{judgementId}/revisions", OperationId = "ReviseJudgement")]
    [Tags(Capability.Judgements)]
    [EndpointSummary("Revise a judgement")]
    [EndpointDescription("A team member changes a judgement during an open week, stating the `expectedVersion` they saw. Returns the judgement at its new version; the same revision retried from the same version answers as done. 400 for bad fields; 404 outside reach; 409 for a stale version (the body's `current` shows the judgement), a change that changes nothing, no open week, or a published inspection.")]
    [ProducesResponseType<JudgementView>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404, 409, 413)]
    public static Task<IResult> Post(
        Guid id, Guid judgementId, ReviseJudgement command, HttpContext http, LedgerSessions ledger,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken cancellation) =>
        WritePipeline.RunAsync(
            new JudgementChangeCommand(id, judgementId, frameworks, command?.ToChange(), Revision),
            http, ledger, clock, cancellation);

    /// <summary>A revision belongs to an open fieldwork week of an unpublished inspection.</summary>
    public static readonly ChangeDecision.Kind Revision = new(
        context => InspectionRules.Writable(context.Header) ?? InspectionRules.WeekOpen(context.Header),
        "note", Required: false,
        (current, answer, reasons, note) =>
            new JudgementRevised(current.Id, current.CaseId, current.QuestionId, current.Answer, answer, reasons, note, current.Version + 1));

    public static Decision<CurrentJudgement> Decide(
        JudgingContext context, Guid judgementId, CurrentJudgement? current, ReviseJudgement? command, WriteClock clock) =>
        ChangeDecision.Decide(context, judgementId, current, command?.ToChange(), Revision, clock);
}
