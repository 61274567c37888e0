using CaseLedger.Api.QualityAssurance;

namespace CaseLedger.Demo;

/// <summary>
/// The demo's quality assurance, worked out as the API will do it. The sample is drawn by the API's own
/// <see cref="QaDraw"/> over the judgements as fieldwork left them, so the load can check that the API drew
/// exactly these. QA's moderations then fall on sampled judgements, mostly one inspector's.
/// </summary>
public static class DemoQa
{
    /// <summary>
    /// The judgements a draw after fieldwork takes. Those eligible are the ones the API would find eligible: not
    /// the lead's, and not moderated during the weeks. A revision is the recorder's own, so the recorder is the
    /// inspector whose answer is drawn.
    /// </summary>
    public static IReadOnlyList<Guid> Draw(DemoInspection inspection, QaPlan qa, IReadOnlyList<ScriptedJudgement> judgements) =>
    [
        .. QaDraw.Draw(qa.Seed, judgements
                .Where(judgement => judgement.RecordedBy != inspection.Lead && !judgement.Changes.Any(change => change.IsModeration && change.Week is not null))
                .Select(judgement => new QaDraw.Candidate(judgement.Id, judgement.RecordedBy)),
            qa.PerInspector, share: null)
            .Select(candidate => candidate.JudgementId),
    ];

    /// <summary>QA's moderations after fieldwork, split so that <see cref="QaPlan.ShareToMostOverturned"/> of them
    /// overturn the named inspector's sampled judgements, and the rest other inspectors' sampled judgements.</summary>
    public static List<(FindingChanges Changes, Func<ScriptedJudgement, bool> Allowed)> Overturns(FindingChanges changes, QaPlan qa, HashSet<Guid> sample)
    {
        var most = (int)Math.Round(changes.Count * QaPlan.ShareToMostOverturned, MidpointRounding.AwayFromZero);
        return
        [
            (changes with { Count = most }, judgement => sample.Contains(judgement.Id) && judgement.RecordedBy == qa.OverturnedMostOften),
            (changes with { Count = changes.Count - most }, judgement => sample.Contains(judgement.Id) && judgement.RecordedBy != qa.OverturnedMostOften),
        ];
    }
}
