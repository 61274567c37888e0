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

    /// <summary>Corrected after publication: its answer is no longer the one published.</summary>
    public bool Corrected { get; init; }

    /// <summary>The last change's event type and what it said for itself (a note or a rationale), so a retry of
    /// that very change can be told from a new one.</summary>
    public string? LastChangeType { get; init; }

    public string? LastChangeText { get; init; }

    /// <summary>1 when recorded; each revision or moderation adds one. Kept by Marten's numeric revisions.</summary>
    public int Version { get; set; }

    /// <summary>A judgement as its recording starts it.</summary>
    public static CurrentJudgement Start(Guid inspectionId, JudgementRecorded recorded, string by, DateTimeOffset at, int? week) => new CurrentJudgement
    {
        Id = recorded.JudgementId,
        InspectionId = inspectionId,
        CaseId = recorded.CaseId,
        QuestionId = recorded.QuestionId,
        Answer = recorded.Answer,
        RecordedBy = by,
        LastChangedBy = by,
        LastChangedAt = at,
    }.Apply(recorded, by, at, week);

    /// <summary>
    /// The one place an event changes a current judgement, so recording, revising and moderating cannot drift
    /// apart. A moderation's or correction's rationale is not a note: it leaves the note as it was, and marks the
    /// judgement moderated or corrected for good (a later revision does not unmark it). <paramref name="at"/> is the
    /// change's valid time.
    /// </summary>
    public CurrentJudgement Apply(IJudgementChange change, string by, DateTimeOffset at, int? week) => this with
    {
        Answer = change.Answer,
        Reasons = change.Reasons,
        Note = change switch
        {
            JudgementRecorded recorded => recorded.Note,
            JudgementRevised revised => revised.Note,
            _ => Note,
        },
        LastChangedBy = by,
        LastChangedAt = at,
        Week = week,
        Moderated = Moderated || change is JudgementModerated,
        Corrected = Corrected || change is PublishedJudgementCorrected,
        LastChangeType = change.GetType().Name,
        LastChangeText = change switch
        {
            JudgementRecorded recorded => recorded.Note,
            JudgementRevised revised => revised.Note,
            JudgementModerated moderated => moderated.Rationale,
            PublishedJudgementCorrected corrected => corrected.Rationale,
            _ => null,
        },
        Version = change.Version,
    };

    /// <summary>
    /// Whether this judgement's latest change is <paramref name="change"/> made again by the same person from the
    /// same version: a client retrying a change whose answer it never received. It is answered as done, not as a
    /// conflict with itself.
    /// </summary>
    public bool LastChangeWas(IJudgementChange change, string by, string? text) =>
        Version == change.Version && LastChangedBy == by && LastChangeType == change.GetType().Name
        && Answer == change.Answer && Reasons.SequenceEqual(change.Reasons) && LastChangeText == text;

    public bool SameContentAs(Guid caseId, string questionId, Answer answer, IReadOnlyList<string> reasons, string? note) =>
        CaseId == caseId && QuestionId == questionId && Answer == answer && Reasons.SequenceEqual(reasons) && Note == note;
}
