namespace CaseLedger.Demo;

/// <summary>
/// Everything one demo inspection's load sends, worked out in advance and the same every time: the cases, and each
/// judgement with the answer it is first recorded with, in which week and by whom, and the revisions and moderations
/// that bring it to its final answer, and the QA sample the lead draws after fieldwork.
/// </summary>
public sealed record DemoScript(
    DemoInspection Inspection, IReadOnlyList<SampledCase> Cases, IReadOnlyList<ScriptedJudgement> Judgements, IReadOnlyList<Guid> QaSample)
{
    public Guid Id => Inspection.Id;

    public int Revisions => Judgements.Sum(judgement => judgement.Changes.Count(change => !change.IsModeration));

    public int Moderations => Judgements.Sum(judgement => judgement.Changes.Count(change => change.IsModeration));

    /// <summary>The sampled judgements QA does not overturn, each with the version the lead confirms: the one left
    /// once every change is in.</summary>
    public IEnumerable<(ScriptedJudgement Judgement, int Version)> Confirmations()
    {
        var byId = Judgements.ToDictionary(judgement => judgement.Id);
        return QaSample.Select(id => byId[id])
            .Where(judgement => !judgement.Changes.Any(change => change.IsModeration && change.Week is null))
            .Select(judgement => (judgement, judgement.Changes.Count + 1));
    }

    public IEnumerable<ScriptedJudgement> RecordedIn(int week) => Judgements.Where(judgement => judgement.Week == week);

    /// <summary>
    /// The changes made in one fieldwork week (null: after fieldwork), in order, each with the judgement version it
    /// expects to find: a judgement is version 1 when recorded, and each change adds one.
    /// </summary>
    public IEnumerable<(ScriptedJudgement Judgement, ScriptedChange Change, int ExpectedVersion)> ChangesIn(int? week) =>
        Judgements.SelectMany(judgement => judgement.Changes
            .Select((change, index) => (judgement, change, ExpectedVersion: index + 1))
            .Where(entry => entry.change.Week == week));
}

public sealed record ScriptedJudgement(
    Guid Id,
    Guid CaseId,
    string CaseReference,
    string QuestionId,
    int Week,
    string RecordedBy,
    Answer Answer,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ScriptedChange> Changes)
{
    public Answer Final => Changes.Count == 0 ? Answer : Changes[^1].Answer;
}

/// <summary>A revision (its note) or a moderation (its rationale), in fieldwork week <see cref="Week"/> or after (null).</summary>
public sealed record ScriptedChange(bool IsModeration, int? Week, string By, Answer Answer, IReadOnlyList<string> Reasons, string Text);
