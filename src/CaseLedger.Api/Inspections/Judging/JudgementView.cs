using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Inspections.Judging;

public sealed record JudgementView(
    Guid Id,
    Guid InspectionId,
    Guid CaseId,
    string QuestionId,
    Answer Answer,
    IReadOnlyList<string> Reasons,
    string? Note,
    int Version,
    string RecordedBy,
    string LastChangedBy,
    DateTimeOffset LastChangedAt,
    int? Week,
    bool Moderated,
    bool Corrected)
{
    public static JudgementView From(CurrentJudgement judgement) => new(
        judgement.Id, judgement.InspectionId, judgement.CaseId, judgement.QuestionId, judgement.Answer, judgement.Reasons,
        judgement.Note, judgement.Version, judgement.RecordedBy, judgement.LastChangedBy, judgement.LastChangedAt,
        judgement.Week, judgement.Moderated, judgement.Corrected);
}
