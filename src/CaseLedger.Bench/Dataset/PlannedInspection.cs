namespace CaseLedger.Bench.Dataset;

// A YOT, a fieldwork week and a case are the API's own records (YotReference, PlannedWeek, SampledCase): the
// dataset plans exactly what the API is sent.

/// <summary>One judgement as an inspector records it, and who records it.</summary>
public sealed record PlannedJudgement(
    Guid Id, Guid CaseId, string QuestionId, string Answer, IReadOnlyList<string> Reasons, string? Note, string By);

/// <summary>A revision (by an inspector, in an open week) or a moderation (by the lead), stating the version it saw.</summary>
public sealed record PlannedChange(
    Guid JudgementId, Guid CaseId, string QuestionId, string Answer, IReadOnlyList<string> Reasons, string Text,
    int ExpectedVersion, string By);

/// <summary>What one week of fieldwork records: new judgements, and revisions of judgements from earlier weeks.</summary>
public sealed record PlannedFieldworkWeek(PlannedWeek Week, IReadOnlyList<PlannedJudgement> Judgements, IReadOnlyList<PlannedChange> Revisions);

/// <summary>A sampled judgement the lead agrees with, at the version the lead checked.</summary>
public sealed record PlannedConfirmation(Guid JudgementId, int ExpectedVersion);

/// <summary>
/// The lead's quality assurance before publication: one seeded QA sample of each inspector's judgements, each
/// sampled judgement then confirmed or, for a few, moderated (which overturns it).
/// </summary>
public sealed record PlannedQa(Guid SampleId, long Seed, int PerInspector, IReadOnlyList<PlannedConfirmation> Confirmations, IReadOnlyList<PlannedChange> Overturns)
{
    public int Sampled => Confirmations.Count + Overturns.Count;

    /// <summary>The sample drawn, then one event per confirmation or moderation.</summary>
    public int EventCount => 1 + Sampled;
}

/// <summary>
/// One inspection of the national dataset, in the order its events reach the ledger: opened, cases sampled,
/// each week opened, judged, revised and closed, then moderated, QA'd (some) and (mostly) published.
/// </summary>
public sealed record PlannedInspection(
    int Index,
    Guid Id,
    string FrameworkId,
    YotReference Yot,
    string Lead,
    IReadOnlyList<string> Inspectors,
    IReadOnlyList<SampledCase> Cases,
    IReadOnlyList<PlannedFieldworkWeek> Weeks,
    IReadOnlyList<PlannedChange> Moderations,
    bool Published,
    PlannedQa? Qa = null)
{
    public int JudgementCount => Weeks.Sum(week => week.Judgements.Count);

    public int RevisionCount => Weeks.Sum(week => week.Revisions.Count);

    /// <summary>Every event this inspection appends: opened, cases, week opened and closed, judgements, changes, QA, published.</summary>
    public int EventCount =>
        1 + Cases.Count + 2 * Weeks.Count + JudgementCount + RevisionCount + Moderations.Count + (Qa?.EventCount ?? 0) + (Published ? 1 : 0);
}
