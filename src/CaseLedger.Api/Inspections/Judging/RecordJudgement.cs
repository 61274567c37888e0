using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Judging;

public static class RecordJudgementEndpoint
{
    [Authorize(Roles = Roles.InspectionWriters)]
    [WolverinePost("/inspections/{id}/judgements", OperationId = "RecordJudgement")]
    [Tags(Capability.Judgements)]
    [EndpointSummary("Record a judgement")]
    [EndpointDescription("A team member answers one question for one case during an open week: `sufficient`, `insufficient` or `not-applicable`, with reasons and a note. Returns the judgement at version 1 with `Location`; the same id and content sent again answers as the first did. 400 for bad fields; 404 for an unknown inspection or case; 409 when no week is open, the question does not apply, the case and question already have a judgement (`existing`), or the inspection is published.")]
    [ProducesResponseType<JudgementView>(201, "application/json")]
    [ProblemResponses(400, 401, 403, 404, 409, 413)]
    public static Task<IResult> Post(
        Guid id, JudgementInput input, HttpContext http, LedgerSessions ledger,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken cancellation) =>
        input is null
            ? Task.FromResult(Rejection.MissingBody().ToResult())
            : WritePipeline.RunAsync(new Recording(id, input, input.Id ?? Guid.NewGuid(), frameworks), http, ledger, clock, cancellation);

    /// <summary>
    /// Pure: a new judgement, the same one again (a safe retry: nothing to append), or a refusal.
    /// <paramref name="sameId"/> is the judgement already stored under the requested id, if any; different content
    /// under that id is a conflict. <paramref name="field"/> prefixes field names, so a batch can say which item is wrong.
    /// </summary>
    public static Decision<CurrentJudgement> Decide(
        JudgingContext context, JudgementInput input, Guid judgementId, CurrentJudgement? sameId, WriteClock clock, string field = "")
    {
        var (actor, header, framework) = context;
        var errors = new FieldErrors();
        errors.Require(input.CaseId is not null, field + "caseId", "is required.");
        errors.RequireText(input.QuestionId, field + "questionId", 40);
        var answer = Answers.Parse(input.Answer);
        if (answer is null) errors.OneOf(input.Answer, field + "answer", Answers.Names);
        errors.OptionalText(input.Note, field + "note", Answers.MaxNote);
        var occurredAt = ValidTimes.Parse(errors, field + ValidTimes.Field, input.OccurredAt);
        if (errors.ToRejection() is { } invalid) return invalid;

        if ((InspectionRules.Writable(header) ?? InspectionRules.WeekOpen(header)) is { } closed) return closed;
        if (header.FindCase(input.CaseId!.Value) is not { } @case)
            return Rejection.NotFound($"Case {input.CaseId} is not in this inspection's sample.", Where(field));
        if (framework.FindQuestion(input.QuestionId!) is not { } question)
            return Rejection.Conflict($"Question '{input.QuestionId}' is not in framework {framework.Id} version {framework.Version}.", Where(field));
        if (!question.AppliesTo(@case))
            return Rejection.Conflict(
                $"Question '{question.Id}' does not apply to case {@case.Reference} ({@case.Setting}, {@case.SentenceType}, risk {@case.RiskOfHarm ?? "not recorded"}).",
                Where(field));

        var reasons = input.Reasons ?? [];
        Answers.CheckReasons(errors, field + "reasons", answer!.Value, reasons, question);
        if (sameId is null) ValidTimes.Check(errors, field + ValidTimes.Field, occurredAt, ValidTimes.ForJudgement(header, null, clock));
        if (errors.ToRejection() is { } badReasons) return badReasons;

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note;
        if (sameId is not null)
            return sameId.InspectionId == header.Id && sameId.SameContentAs(@case.Id, question.Id, answer.Value, reasons, note)
                ? Decision<CurrentJudgement>.Unchanged(sameId)
                : Rejection.Conflict(
                    $"Judgement {judgementId} was already recorded with different content; a retry must repeat it exactly.",
                    Where(field), new Dictionary<string, object?> { ["existing"] = sameId.InspectionId == header.Id ? JudgementView.From(sameId) : null });

        var recorded = new JudgementRecorded(judgementId, @case.Id, question.Id, answer.Value, [.. reasons], note);
        var judgement = CurrentJudgement.Start(header.Id, recorded, actor.UserId, occurredAt ?? clock.Now, header.OpenWeek);
        return context.Append(judgement, [recorded], [DocumentWrite.Insert(judgement)]).HappenedAt(occurredAt);
    }

    private static string? Where(string field) => field.Length == 0 ? null : $"At {field.TrimEnd('.')}.";

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

    /// <summary>The id is chosen once, so a retried attempt records the same judgement, not a second one.</summary>
    private sealed record Recording(Guid InspectionId, JudgementInput Input, Guid JudgementId, FrameworkCatalog Frameworks)
        : IInspectionCommand<CurrentJudgement>
    {
        public async Task<Decision<CurrentJudgement>> DecideAsync(IQuerySession session, Actor actor, WriteClock clock, CancellationToken cancellation)
        {
            var (context, rejection) = await JudgingContext.LoadAsync(InspectionId, actor, session, Frameworks, cancellation);
            if (rejection is not null) return rejection;
            var sameId = Input.Id is null ? null : await session.LoadAsync<CurrentJudgement>(JudgementId, cancellation);
            return Decide(context!, Input, JudgementId, sameId, clock);
        }

        public IResult Respond(CurrentJudgement judgement) => Created(judgement);

        /// <summary>
        /// The database refused the insert: either the same request raced itself (same id — a retry, answered with the
        /// first result when it says the same), or another judgement already answers this case and question.
        /// </summary>
        public async Task<IResult?> ExplainAsync(Exception refused, Decision<CurrentJudgement> decision, IQuerySession query, CancellationToken cancellation)
        {
            if (!LedgerWrites.IsUniqueViolation(refused)) return LedgerWrites.Refusal(refused)?.ToResult();
            var attempted = decision.State!;
            var sameId = await query.LoadAsync<CurrentJudgement>(JudgementId, cancellation);
            if (sameId is not null)
                return sameId.InspectionId == InspectionId && sameId.SameContentAs(attempted.CaseId, attempted.QuestionId, attempted.Answer, attempted.Reasons, attempted.Note)
                    ? Created(sameId)
                    : Rejection.Conflict($"Judgement {JudgementId} was already recorded with different content.").ToResult();

            var current = await query.Query<CurrentJudgement>().FirstOrDefaultAsync(judgement =>
                judgement.InspectionId == InspectionId && judgement.CaseId == attempted.CaseId && judgement.QuestionId == attempted.QuestionId, cancellation);
            return CaseQuestionTaken(InspectionId, current).ToResult();
        }
    }
}
