using CaseLedger.Api.QualityAssurance;

namespace CaseLedger.Bench.Raw;

/// <summary>
/// The raw fold a reliability read needs: each sampled judgement's outcome as the events leave it (pending once
/// drawn, confirmed at the version confirmed, overturned for good by a moderation, reopened by a revision), then the
/// outcomes counted per inspector and question, which every rate and interval a read gives is derived from. A
/// correction comes after publication, which ends QA, so it changes no outcome.
/// </summary>
public sealed class RawQaTally
{
    private sealed record Outcome(string Inspector, string QuestionId, int Version, string Status);

    private readonly Dictionary<Guid, Outcome> outcomes = [];

    public int Sampled => outcomes.Count;

    public void Apply(object @event)
    {
        switch (@event)
        {
            case QaSampleDrawn drawn:
                foreach (var item in drawn.Items) outcomes[item.JudgementId] = new(item.Inspector, item.QuestionId, item.Version, QaStatus.Pending);
                break;
            case JudgementConfirmed confirmed when outcomes.TryGetValue(confirmed.JudgementId, out var outcome)
                && outcome.Status != QaStatus.Overturned && outcome.Version == confirmed.Version:
                outcomes[confirmed.JudgementId] = outcome with { Status = QaStatus.Confirmed };
                break;
            case JudgementModerated moderated when outcomes.TryGetValue(moderated.JudgementId, out var outcome):
                outcomes[moderated.JudgementId] = outcome with { Status = QaStatus.Overturned };
                break;
            case JudgementRevised revised when outcomes.TryGetValue(revised.JudgementId, out var outcome) && outcome.Status != QaStatus.Overturned:
                outcomes[revised.JudgementId] = outcome with { Version = revised.Version, Status = QaStatus.Pending };
                break;
        }
    }

    public IReadOnlyDictionary<(string Inspector, string QuestionId), (int Pending, int Confirmed, int Overturned)> PerInspectorAndQuestion() =>
        outcomes.Values.GroupBy(outcome => (outcome.Inspector, outcome.QuestionId)).ToDictionary(
            group => group.Key,
            group => (group.Count(o => o.Status == QaStatus.Pending), group.Count(o => o.Status == QaStatus.Confirmed),
                group.Count(o => o.Status == QaStatus.Overturned)));
}
