using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.QualityAssurance;

public sealed record ConfirmJudgement(int? ExpectedVersion, string? Note, string? OccurredAt = null);

/// <summary>What a confirmation answers: the sampled judgement, as QA now stands on it.</summary>
public sealed record ConfirmationView(Guid JudgementId, Guid SampleId, int Version, string Status, string ConfirmedBy, string? Note);

/// <summary>
/// The lead confirms a sampled judgement: QA agreed and nothing changed. It is allowed inside and after fieldwork,
/// until publication, for the version the lead saw. It is its own event, so how often QA agrees counts as much as how
/// often it moderates.
/// </summary>
public static class ConfirmJudgementEndpoint
{
    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/judgements/{judgementId}/confirmations", OperationId = "ConfirmJudgement")]
    [Tags(Capability.QualityAssurance)]
    [EndpointSummary("Confirm a sampled judgement")]
    [EndpointDescription("The lead records that QA agreed with a sampled judgement at `expectedVersion` (the version seen), with an optional `note`: `JudgementConfirmed`. The judgement keeps its answer and version. A later moderation overturns it, and a later revision reopens it. 400 for bad fields; 404 outside reach; 409 for a stale version (with `current`), a judgement in no QA sample, one already confirmed at this version or overturned, or a published inspection.")]
    [ProducesResponseType<ConfirmationView>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404, 409, 413)]
    public static Task<IResult> Post(
        Guid id, Guid judgementId, ConfirmJudgement command, HttpContext http, LedgerSessions ledger, FrameworkCatalog frameworks,
        TimeProvider clock, CancellationToken cancellation) =>
        WritePipeline.RunAsync(new Confirming(id, judgementId, command, frameworks), http, ledger, clock, cancellation);

    /// <summary>Pure: the confirmation and the sampling's next revision, or why the lead cannot confirm.</summary>
    public static Decision<ConfirmationView> Decide(
        JudgingContext context, Guid judgementId, CurrentJudgement? current, QaSampling sampling, ConfirmJudgement? command, WriteClock clock)
    {
        var header = context.Header;
        if ((InspectionRules.LeadOnly(header, context.Actor, "confirm judgements") ?? InspectionRules.Writable(header)) is { } refused)
            return refused;
        if (current is null || current.InspectionId != header.Id)
            return Rejection.NotFound($"Judgement {judgementId} is not in this inspection.");
        if (command is null) return Rejection.MissingBody();

        var errors = new FieldErrors();
        if (command.ExpectedVersion is null) errors.Add("expectedVersion", "is required: the version of the judgement you checked.");
        errors.OptionalText(command.Note, "note", Answers.MaxNote);
        var occurredAt = ValidTimes.Parse(errors, ValidTimes.Field, command.OccurredAt);
        if (errors.ToRejection() is { } invalid) return invalid;

        if (!sampling.Marks.TryGetValue(current.Id, out var mark))
            return Rejection.Conflict("This judgement is in no QA sample.",
                "Confirmations count towards an inspector's reliability only for judgements drawn at random. Draw a QA sample, or moderate the judgement if it is wrong.");
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note;
        if (mark.ConfirmedVersion == current.Version && mark.ConfirmedBy == context.Actor.UserId && mark.Note == note
            && command.ExpectedVersion == current.Version)
            return Decision<ConfirmationView>.Unchanged(View(current, mark));
        var currentView = new Dictionary<string, object?> { ["current"] = JudgementView.From(current) };
        if (current.Moderated)
            return Rejection.Conflict("This judgement has been moderated since it was drawn, so QA overturned it.", extensions: currentView);
        if (command.ExpectedVersion != current.Version)
            return Rejection.Conflict(
                $"The judgement is at version {current.Version}, not {command.ExpectedVersion}: someone changed it since you checked it.",
                extensions: currentView);
        if (mark.ConfirmedVersion == current.Version)
            return Rejection.Conflict($"This judgement is already confirmed at version {current.Version}.", extensions: currentView);

        ValidTimes.Check(errors, ValidTimes.Field, occurredAt, ValidTimes.ForJudgement(header, current, clock));
        if (errors.ToRejection() is { } outOfRange) return outOfRange;

        var confirmed = new JudgementConfirmed(current.Id, current.CaseId, current.QuestionId, mark.SampleId, current.Answer, current.Version, note);
        var updated = sampling.With(confirmed, context.Actor.UserId);
        return context.Append(View(current, updated.Marks[current.Id]), [confirmed], [DocumentWrite.Revise(updated, sampling.Version + 1)])
            .HappenedAt(occurredAt);
    }

    private static ConfirmationView View(CurrentJudgement current, QaMark mark) =>
        new(current.Id, mark.SampleId, current.Version, QaStatus.Confirmed, mark.ConfirmedBy!, mark.Note);

    private sealed record Confirming(Guid InspectionId, Guid JudgementId, ConfirmJudgement? Command, FrameworkCatalog Frameworks)
        : IInspectionCommand<ConfirmationView>
    {
        public async Task<Decision<ConfirmationView>> DecideAsync(IQuerySession session, Actor actor, WriteClock clock, CancellationToken cancellation)
        {
            var (context, rejection) = await JudgingContext.LoadAsync(InspectionId, actor, session, Frameworks, cancellation);
            if (rejection is not null) return rejection;
            var current = await session.LoadAsync<CurrentJudgement>(JudgementId, cancellation);
            var sampling = await session.LoadAsync<QaSampling>(InspectionId, cancellation) ?? QaSampling.Empty(InspectionId);
            return Decide(context!, JudgementId, current, sampling, Command, clock);
        }

        public IResult Respond(ConfirmationView view) => Results.Ok(view);
    }
}
