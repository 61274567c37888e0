namespace CaseLedger.Api.Scoring;

/// <summary>The current answer to one question for one case: all that scoring needs of a judgement.</summary>
public sealed record CaseAnswer(Guid CaseId, string QuestionId, Answer Answer);
