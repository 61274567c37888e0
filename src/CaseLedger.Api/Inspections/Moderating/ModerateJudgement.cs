using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Moderating;

public sealed record ModerateJudgement(string? Answer, IReadOnlyList<string>? Reasons, string? Rationale, int? ExpectedVersion, string? OccurredAt = null)
{
    public ChangeDecision.Change ToChange() => new(Answer, Reasons, Rationale, ExpectedVersion, OccurredAt);
}

/// <summary>
/// The lead inspector changes a judgement in quality assurance, always saying why. Its own event, so moderation can
/// be reviewed apart from everything else; allowed until publication, inside or after the fieldwork weeks.
/// </summary>
public static class ModerateJudgementEndpoint
{
    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/judgements/{judgementId}/moderations", OperationId = "ModerateJudgement")]
    [Tags(Capability.Moderation)]
    [EndpointSummary("Moderate a judgement")]
    [EndpointDescription("The lead changes a judgement in quality assurance, with a `rationale` and the `expectedVersion` seen; allowed until publication, inside or after the fieldwork weeks. Returns the judgement at its new version. 400 for bad fields; 404 outside reach; 409 for a stale version (with `current`), a change that changes nothing, or a published inspection.")]
    [ProducesResponseType<JudgementView>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404, 409, 413)]
    public static Task<IResult> Post(
        Guid id, Guid judgementId, ModerateJudgement command, HttpContext http, LedgerSessions ledger,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken cancellation) =>
        WritePipeline.RunAsync(
            new JudgementChangeCommand(id, judgementId, frameworks, command?.ToChange(), Moderation),
            http, ledger, clock, cancellation);

    /// <summary>Only the lead moderates, and only before publication.</summary>
    public static readonly ChangeDecision.Kind Moderation = new(
        context => InspectionRules.LeadOnly(context.Header, context.Actor, "moderate judgements") ?? InspectionRules.Writable(context.Header),
        "rationale", Required: true,
        (current, answer, reasons, rationale) =>
            new JudgementModerated(current.Id, current.CaseId, current.QuestionId, current.Answer, answer, reasons, rationale!, current.Version + 1));

    public static Decision<CurrentJudgement> Decide(
        JudgingContext context, Guid judgementId, CurrentJudgement? current, ModerateJudgement? command, WriteClock clock) =>
        ChangeDecision.Decide(context, judgementId, current, command?.ToChange(), Moderation, clock);
}
