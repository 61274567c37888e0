using CaseLedger.Api.Scores;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Moderation;

/// <summary>
/// Every moderation of one inspection, and every correction after its publication (their own kind), with what it did to each score and band it touched, computed at that
/// event (the counts then), not at the end. Kept apart from <see cref="InspectionScores"/> because it holds
/// case-level detail that reporting clients never see.
/// </summary>
public sealed class ModerationLog : CountedView
{
    public Dictionary<Guid, string> CaseReferences { get; set; } = [];
    public List<Moderation> Moderations { get; set; } = [];
}

/// <summary>A moderation (<see cref="Kind"/> <c>moderated</c>) or a correction after publication (<c>corrected</c>),
/// with when it happened in the inspection and when the ledger recorded it.</summary>
public sealed record Moderation(
    long StreamVersion,
    string Kind,
    Guid JudgementId,
    Guid CaseId,
    string CaseReference,
    string QuestionId,
    Answer Before,
    Answer After,
    IReadOnlyList<string> Reasons,
    string Rationale,
    int JudgementVersion,
    string? By,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    int? Week,
    string? CorrelationId,
    IReadOnlyList<ScoreImpact> Impacts);

/// <summary>One scope's score and band right before and right after a change.</summary>
public sealed record ScoreImpact(
    ScopeKind Kind,
    string Id,
    string Title,
    int? ScoreBefore,
    int? ScoreAfter,
    decimal? ExactBefore,
    decimal? ExactAfter,
    string? BandBefore,
    string? BandAfter)
{
    public int? Delta => ScoreAfter - ScoreBefore;

    public bool BandChanged => BandBefore != BandAfter;

    public static ScoreImpact Between(ScopeScore before, ScopeScore after) => new(
        after.Kind, after.Id, after.Title, before.Score, after.Score, before.ExactPercentage, after.ExactPercentage,
        before.Band?.Label, after.Band?.Label);
}
