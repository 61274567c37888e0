using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Inspections.Judging;

/// <summary>Revising and moderating change a current judgement the same way; they differ in who may, when, and
/// what must be said for it.</summary>
public static class ChangeDecision
{
    public sealed record Change(string? Answer, IReadOnlyList<string>? Reasons, string? Text, int? ExpectedVersion);

    /// <summary>What a change must say for itself: a revision may give a note; a moderation must give a rationale,
    /// which is never compared with the judgement's note.</summary>
    public sealed record Explanation(string Field, bool Required)
    {
        public static readonly Explanation OptionalNote = new("note", Required: false);
        public static readonly Explanation RequiredRationale = new("rationale", Required: true);
    }

    /// <summary>Pure: the validated new answer and reasons, or why the change is refused.</summary>
    public static (Answer Answer, IReadOnlyList<string> Reasons, string? Text, Rejection? Rejection) Decide(
        Framework framework, CurrentJudgement current, Change change, Explanation explanation)
    {
        var errors = new FieldErrors();
        var answer = Answers.Parse(change.Answer);
        if (answer is null) errors.OneOf(change.Answer, "answer", Answers.Names);
        if (change.ExpectedVersion is null) errors.Add("expectedVersion", "is required: the version of the judgement you saw.");
        if (explanation.Required) errors.RequireText(change.Text, explanation.Field, Answers.MaxNote);
        else errors.OptionalText(change.Text, explanation.Field, Answers.MaxNote);
        var reasons = change.Reasons ?? [];
        if (answer is { } given && framework.FindQuestion(current.QuestionId) is { } question)
            Answers.CheckReasons(errors, "reasons", given, reasons, question);
        if (errors.ToRejection() is { } invalid) return (default, [], null, invalid);

        if (change.ExpectedVersion != current.Version)
            return (default, [], null, Rejection.Conflict(
                $"The judgement is at version {current.Version}, not {change.ExpectedVersion}: someone changed it since you read it.",
                extensions: new Dictionary<string, object?> { ["current"] = JudgementView.From(current) }));

        var text = string.IsNullOrWhiteSpace(change.Text) ? null : change.Text;
        if (answer == current.Answer && reasons.SequenceEqual(current.Reasons) && (explanation.Required || text == current.Note))
            return (default, [], null, Rejection.Conflict("This change would leave the judgement as it is.",
                extensions: new Dictionary<string, object?> { ["current"] = JudgementView.From(current) }));

        return (answer!.Value, [.. reasons], text, null);
    }
}
