using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Inspections.Judging;

/// <summary>Revising and moderating change a current judgement the same way; they differ in who may, when, and
/// what must be said for it.</summary>
public static class ChangeDecision
{
    public sealed record Change(string? Answer, IReadOnlyList<string>? Reasons, string? Text, int? ExpectedVersion, string? OccurredAt = null);

    /// <summary>
    /// What sets one kind of change apart: who may make it and when, what it must say for itself (a revision may
    /// give a note; a moderation must give a rationale, which is never compared with the judgement's note), and the
    /// event it comes to. Only a correction is made to a published ledger (<paramref name="AfterPublication"/>).
    /// </summary>
    public sealed record Kind(
        Func<JudgingContext, Rejection?> Allowed,
        string Field,
        bool Required,
        Func<CurrentJudgement, Answer, IReadOnlyList<string>, string?, IJudgementChange> Event,
        bool AfterPublication = false)
    {
        /// <summary>The valid times this kind may state: a judgement change's, and a correction's not before the
        /// publication it corrects.</summary>
        public ValidRange Range(InspectionHeader header, CurrentJudgement current, WriteClock clock)
        {
            var range = ValidTimes.ForJudgement(header, current, clock);
            return AfterPublication && header.PublishedAt is { } published ? range.NotBefore(published, "the publication") : range;
        }
    }

    /// <summary>
    /// Pure: the change's event and the judgement's next revision, or why the change is refused. The judgement was
    /// read by id alone, so one of another inspection is as absent as none.
    /// </summary>
    public static Decision<CurrentJudgement> Decide(
        JudgingContext context, Guid judgementId, CurrentJudgement? current, Change? change, Kind kind, WriteClock clock)
    {
        if (kind.Allowed(context) is { } refused) return refused;
        if (current is null || current.InspectionId != context.Header.Id)
            return Rejection.NotFound($"Judgement {judgementId} is not in this inspection.");
        if (change is null) return Rejection.MissingBody();

        var errors = new FieldErrors();
        var answer = Answers.Parse(change.Answer);
        if (answer is null) errors.OneOf(change.Answer, "answer", Answers.Names);
        if (change.ExpectedVersion is null) errors.Add("expectedVersion", "is required: the version of the judgement you saw.");
        if (kind.Required) errors.RequireText(change.Text, kind.Field, Answers.MaxNote);
        else errors.OptionalText(change.Text, kind.Field, Answers.MaxNote);
        var reasons = change.Reasons ?? [];
        if (answer is { } given && context.Framework.FindQuestion(current.QuestionId) is { } question)
            Answers.CheckReasons(errors, "reasons", given, reasons, question);
        var occurredAt = ValidTimes.Parse(errors, ValidTimes.Field, change.OccurredAt);
        if (errors.ToRejection() is { } invalid) return invalid;

        var text = string.IsNullOrWhiteSpace(change.Text) ? null : change.Text;
        // A retry of the change that made this version (its answer lost on the way) is answered as done.
        if (change.ExpectedVersion == current.Version - 1 && current.LastChangeWas(
                kind.Event(current with { Version = current.Version - 1 }, answer!.Value, [.. reasons], text), context.Actor.UserId, text))
            return Decision<CurrentJudgement>.Unchanged(current);

        if (change.ExpectedVersion != current.Version)
            return Rejection.Conflict(
                $"The judgement is at version {current.Version}, not {change.ExpectedVersion}: someone changed it since you read it.",
                extensions: new Dictionary<string, object?> { ["current"] = JudgementView.From(current) });

        if (answer == current.Answer && reasons.SequenceEqual(current.Reasons) && (kind.Required || text == current.Note))
            return Rejection.Conflict("This change would leave the judgement as it is.",
                extensions: new Dictionary<string, object?> { ["current"] = JudgementView.From(current) });

        ValidTimes.Check(errors, ValidTimes.Field, occurredAt, kind.Range(context.Header, current, clock));
        if (errors.ToRejection() is { } outOfRange) return outOfRange;

        var @event = kind.Event(current, answer!.Value, [.. reasons], text);
        var changed = current.Apply(@event, context.Actor.UserId, occurredAt ?? clock.Now, context.Header.OpenWeek);
        return context.Append(changed, [@event], [DocumentWrite.Revise(changed, changed.Version)], kind.AfterPublication).HappenedAt(occurredAt);
    }
}
