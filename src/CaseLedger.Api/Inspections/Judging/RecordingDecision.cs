using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Inspections.Judging;

/// <summary>What recording one judgement comes to: a new judgement, a repeat of one already recorded, or a refusal.</summary>
public abstract record RecordingDecision
{
    public sealed record Record(JudgementRecorded Event) : RecordingDecision;

    public sealed record Repeat(CurrentJudgement Existing) : RecordingDecision;

    public sealed record Refuse(Rejection Rejection) : RecordingDecision;

    /// <summary>
    /// Pure. <paramref name="sameId"/> is the judgement already stored under the requested id, if any: the same
    /// content again is a safe retry; different content under that id is a conflict. <paramref name="field"/>
    /// prefixes field names, so a batch can say which item is wrong.
    /// </summary>
    public static RecordingDecision Decide(
        InspectionHeader header, Framework framework, JudgementInput input, Guid judgementId, CurrentJudgement? sameId,
        string field = "")
    {
        var errors = new FieldErrors();
        errors.Require(input.CaseId is not null, field + "caseId", "is required.");
        errors.RequireText(input.QuestionId, field + "questionId", 40);
        var answer = Answers.Parse(input.Answer);
        if (answer is null) errors.OneOf(input.Answer, field + "answer", Answers.Names);
        errors.OptionalText(input.Note, field + "note", Answers.MaxNote);
        if (errors.ToRejection() is { } invalid) return new Refuse(invalid);

        if ((InspectionRules.Writable(header) ?? InspectionRules.WeekOpen(header)) is { } closed) return new Refuse(closed);
        if (header.FindCase(input.CaseId!.Value) is not { } @case)
            return new Refuse(Rejection.NotFound($"Case {input.CaseId} is not in this inspection's sample.", Where(field)));
        if (framework.FindQuestion(input.QuestionId!) is not { } question)
            return new Refuse(Rejection.Conflict(
                $"Question '{input.QuestionId}' is not in framework {framework.Id} version {framework.Version}.", Where(field)));
        if (!question.AppliesTo(@case))
            return new Refuse(Rejection.Conflict(
                $"Question '{question.Id}' does not apply to case {@case.Reference} ({@case.Setting}, {@case.SentenceType}, risk {@case.RiskOfHarm ?? "not recorded"}).",
                Where(field)));

        var reasons = input.Reasons ?? [];
        Answers.CheckReasons(errors, field + "reasons", answer!.Value, reasons, question);
        if (errors.ToRejection() is { } badReasons) return new Refuse(badReasons);

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note;
        if (sameId is not null)
            return sameId.InspectionId == header.Id && sameId.SameContentAs(@case.Id, question.Id, answer.Value, reasons, note)
                ? new Repeat(sameId)
                : new Refuse(Rejection.Conflict(
                    $"Judgement {judgementId} was already recorded with different content; a retry must repeat it exactly.",
                    Where(field), new Dictionary<string, object?> { ["existing"] = sameId.InspectionId == header.Id ? JudgementView.From(sameId) : null }));

        return new Record(new JudgementRecorded(judgementId, @case.Id, question.Id, answer.Value, [.. reasons], note));
    }

    private static string? Where(string field) => field.Length == 0 ? null : $"At {field.TrimEnd('.')}.";
}
