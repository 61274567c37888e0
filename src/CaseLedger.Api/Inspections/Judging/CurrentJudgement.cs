using CaseLedger.Api.Scoring;
using JasperFx;

namespace CaseLedger.Api.Inspections.Judging;

/// <summary>
/// The one current judgement for a case and question. The database holds a unique index on
/// (inspection, case, question), so two inspectors racing to answer the same question are told apart at commit,
/// not by a read-then-write check that both would pass.
/// </summary>
public sealed record CurrentJudgement : IRevisioned
{
    public required Guid Id { get; init; }
    public required Guid InspectionId { get; init; }
    public required Guid CaseId { get; init; }
    public required string QuestionId { get; init; }
    public required Answer Answer { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public string? Note { get; init; }
    public required string RecordedBy { get; init; }
    public required string LastChangedBy { get; init; }
    public required DateTimeOffset LastChangedAt { get; init; }
    public int? Week { get; init; }
    public bool Moderated { get; init; }

    /// <summary>1 when recorded; each revision or moderation adds one. Kept by Marten's numeric revisions.</summary>
    public int Version { get; set; }

    public bool SameContentAs(Guid caseId, string questionId, Answer answer, IReadOnlyList<string> reasons, string? note) =>
        CaseId == caseId && QuestionId == questionId && Answer == answer && Reasons.SequenceEqual(reasons) && Note == note;
}
