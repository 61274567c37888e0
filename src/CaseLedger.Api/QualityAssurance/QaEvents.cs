using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.QualityAssurance;

// Quality assurance's events, in the inspection's stream beside its judgements (DESIGN §15).

/// <summary>
/// The lead draws a QA sample of current judgements. The seed and the ledger's version it was drawn on are kept, so
/// anyone holding the ledger can replay it to that version and draw again, getting the same judgements
/// (<see cref="QaDraw"/>). Each item also records whose answer was sampled and what that answer was.
/// </summary>
public sealed record QaSampleDrawn(
    Guid SampleId,
    long Seed,
    int? PerInspector,
    decimal? Share,
    int? Week,
    long DrawnAtVersion,
    IReadOnlyList<QaSampleItem> Items);

/// <summary>One sampled judgement as it stood when drawn: the inspector whose answer it is, the week that answer was
/// given in, the answer itself, and the judgement's version.</summary>
public sealed record QaSampleItem(
    Guid JudgementId, Guid CaseId, string QuestionId, string Inspector, int? Week, Answer Answer, int Version);

/// <summary>
/// The lead checked a sampled judgement, agreed with it, and changed nothing. The judgement keeps its version. A
/// later moderation still overturns it, and a later revision reopens it for checking.
/// </summary>
public sealed record JudgementConfirmed(
    Guid JudgementId, Guid CaseId, string QuestionId, Guid SampleId, Answer Answer, int Version, string? Note);
