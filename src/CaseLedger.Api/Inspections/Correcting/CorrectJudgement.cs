using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Correcting;

public sealed record CorrectJudgement(string? Answer, IReadOnlyList<string>? Reasons, string? Rationale, int? ExpectedVersion, string? OccurredAt = null)
{
    public ChangeDecision.Change ToChange() => new(Answer, Reasons, Rationale, ExpectedVersion, OccurredAt);
}

/// <summary>
/// The lead corrects a judgement found wrong after publication, saying why (DESIGN §11). The one write a published
/// ledger accepts: <c>published</c> keeps answering the figures as published, <c>now</c> the corrected ones, and
/// every view of a corrected figure shows the published one beside it. Before publication it is refused: a
/// judgement is revised or moderated then.
/// </summary>
public static class CorrectJudgementEndpoint
{
    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/judgements/{judgementId}/corrections", OperationId = "CorrectJudgement")]
    [Tags(Capability.Judgements)]
    [EndpointSummary("Correct a published judgement")]
    [EndpointDescription("After publication the lead corrects a judgement, stating the reason and `expectedVersion`; every view of a corrected figure shows the published one beside it. Before publication it is refused (409): revise or moderate instead. 409 for a stale version too, with `current`.")]
    [ProducesResponseType<JudgementView>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404, 409, 413)]
    public static Task<IResult> Post(
        Guid id, Guid judgementId, CorrectJudgement command, HttpContext http, LedgerSessions ledger,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken cancellation) =>
        WritePipeline.RunAsync(
            new JudgementChangeCommand(id, judgementId, frameworks, command?.ToChange(), Correction),
            http, ledger, clock, cancellation);

    /// <summary>Only the lead corrects, and only once the inspection is published.</summary>
    public static readonly ChangeDecision.Kind Correction = new(
        context => InspectionRules.LeadOnly(context.Header, context.Actor, "correct published judgements")
            ?? (context.Header.IsPublished
                ? null
                : Rejection.Conflict("The inspection is not published; revise or moderate the judgement instead.")),
        "rationale", Required: true,
        (current, answer, reasons, rationale) =>
            new PublishedJudgementCorrected(current.Id, current.CaseId, current.QuestionId, current.Answer, answer, reasons, rationale!, current.Version + 1),
        AfterPublication: true);

    public static Decision<CurrentJudgement> Decide(
        JudgingContext context, Guid judgementId, CurrentJudgement? current, CorrectJudgement? command, WriteClock clock) =>
        ChangeDecision.Decide(context, judgementId, current, command?.ToChange(), Correction, clock);
}
