namespace CaseLedger.Api.Scoring;

/// <summary>Where a question's answers count: its criterion, its section and the themes it is a key question for.</summary>
public sealed record QuestionPlacement(
    string QuestionId,
    string CriterionId,
    string SectionId,
    IReadOnlyList<string> ThemeIds);
