namespace CaseLedger.Api.Inspections.Judging;

/// <summary>One judgement as a client sends it, alone or as an item of a batch.</summary>
public sealed record JudgementInput(
    Guid? Id,
    Guid? CaseId,
    string? QuestionId,
    string? Answer,
    IReadOnlyList<string>? Reasons,
    string? Note,
    string? OccurredAt = null);
