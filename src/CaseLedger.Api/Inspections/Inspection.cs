using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Inspections;

// The events of one inspection's stream: its ledger. Who acted, in which role, in which request and in which
// fieldwork week travel as event metadata (user name, headers, correlation id), never in the event body.

public sealed record InspectionOpened(
    Guid InspectionId,
    string FrameworkId,
    int FrameworkVersion,
    YotReference Yot,
    string Title,
    IReadOnlyList<PlannedWeek> FieldworkWeeks,
    IReadOnlyList<TeamMember> Team);

public sealed record CaseAddedToSample(SampledCase Case);

public sealed record CaseRemovedFromSample(Guid CaseId, string Reason);

public sealed record FieldworkWeekOpened(int Number);

public sealed record FieldworkWeekClosed(int Number);

/// <summary>
/// The one shape of the three events that change a judgement, so every reader folds them the same way: which
/// judgement, case and question, the answer it replaced (none when first recorded), the answer now, and the
/// judgement's version after it. The members a recording lacks are explicit, so they never enter its stored JSON.
/// </summary>
public interface IJudgementChange
{
    Guid JudgementId { get; }
    Guid CaseId { get; }
    string QuestionId { get; }
    Answer? Previous { get; }
    Answer Answer { get; }
    IReadOnlyList<string> Reasons { get; }
    int Version { get; }
}

public sealed record JudgementRecorded(
    Guid JudgementId, Guid CaseId, string QuestionId, Answer Answer, IReadOnlyList<string> Reasons, string? Note) : IJudgementChange
{
    Answer? IJudgementChange.Previous => null;

    int IJudgementChange.Version => 1;
}

/// <summary>A team member changes a judgement during fieldwork. Carries the answer it replaced, so a score can
/// move by this event alone.</summary>
public sealed record JudgementRevised(
    Guid JudgementId,
    Guid CaseId,
    string QuestionId,
    Answer Previous,
    Answer Answer,
    IReadOnlyList<string> Reasons,
    string? Note,
    int Version) : IJudgementChange
{
    Answer? IJudgementChange.Previous => Previous;
}

/// <summary>The lead inspector changes a judgement in quality assurance, always with a rationale.</summary>
public sealed record JudgementModerated(
    Guid JudgementId,
    Guid CaseId,
    string QuestionId,
    Answer Previous,
    Answer Answer,
    IReadOnlyList<string> Reasons,
    string Rationale,
    int Version) : IJudgementChange
{
    Answer? IJudgementChange.Previous => Previous;
}

public sealed record InspectionPublished(Guid InspectionId);

/// <summary>The lead fixes a judgement found wrong after publication, always with a rationale: the one write a
/// published ledger accepts (DESIGN §11). The published figures stay as published; the corrected stand beside them.</summary>
public sealed record PublishedJudgementCorrected(
    Guid JudgementId,
    Guid CaseId,
    string QuestionId,
    Answer Previous,
    Answer Answer,
    IReadOnlyList<string> Reasons,
    string Rationale,
    int Version) : IJudgementChange
{
    Answer? IJudgementChange.Previous => Previous;
}

/// <summary>The lead rates a standard from evidence, or a theme a person rates (FJI's governance and partnerships),
/// always saying why. A later rating of the same standard replaces it.</summary>
public sealed record StandardRated(string StandardId, string Rating, string Rationale);

/// <summary>The lead departs from a case-sample standard's derived rating, always saying why. The rating derived at
/// that moment is kept beside it, so a reader sees both.</summary>
public sealed record RatingOverridden(string StandardId, string? DerivedRating, string Rating, string Rationale);

public sealed record YotReference(string Code, string Name, string Region);

public sealed record PlannedWeek(int Number, DateOnly StartsOn);

public sealed record TeamMember(string UserId, string Role);

public sealed record SampledCase(
    Guid Id,
    string Reference,
    string SentenceType,
    string Setting,
    int? AgeAtStart,
    string? Gender,
    string? Ethnicity,
    string? RiskOfHarm,
    string Status);
