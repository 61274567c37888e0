namespace CaseLedger.Bench.Raw;

/// <summary>One event row as the raw baselines write it: the columns of Marten's event table that carry meaning.</summary>
public sealed record RawEvent(
    Guid Id, Guid StreamId, long Version, string Type, string DotnetType, string Data, string UserName, string CorrelationId, string Headers);

/// <summary>The current-judgement row a raw single write inserts beside its event.</summary>
public sealed record RawJudgement(Guid Id, Guid InspectionId, Guid CaseId, string QuestionId, string Data);

public static class RawEvents
{
    /// <summary>A judgement as the product appends it: the same body, user, role and week, at the given stream version.</summary>
    public static RawEvent Recorded(Guid streamId, long version, PlannedJudgement judgement, string role, int week, string correlationId) =>
        new(Guid.CreateVersion7(), streamId, version, EventJson.JudgementRecordedType, EventJson.JudgementRecordedDotnetType,
            EventJson.Serialise(EventJson.Recorded(judgement)),
            judgement.By, correlationId, EventJson.Headers(role, week));

    public static RawJudgement Current(Guid inspectionId, PlannedJudgement judgement, int week) =>
        new(judgement.Id, inspectionId, judgement.CaseId, judgement.QuestionId, EventJson.Document(inspectionId, judgement, week));
}
