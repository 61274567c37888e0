using CaseLedger.Api.Frameworks;
using CaseLedger.Bench.Dataset;

namespace CaseLedger.Faults.Load;

/// <summary>What kind of write an operation is, as the tally counts it.</summary>
public enum WriteKind
{
    Judgement,
    Batch,
    Revision,
    Moderation,
}

/// <summary>
/// One write a client means to have made, with everything needed to find it in the ledger afterwards: the
/// judgement ids it records, or the unique note or rationale it states. <paramref name="After"/> is the operation
/// whose judgement it changes; it is sent only once that one was acknowledged.
/// </summary>
public sealed record PlannedWrite(int Index, WriteKind Kind, PreparedRequest Request, IReadOnlyList<Guid> Judgements, string? Marker, int? After);

/// <summary>
/// A bounded mixed load on one inspection in an open fieldwork week, shared among clients: single judgements,
/// batches of ten, revisions of acknowledged judgements (by the inspector who made them) and moderations of others
/// (by the lead). Every revision and moderation states a text no other write states, so its presence is a lookup.
/// Deterministic from the seed, so two runs of a scenario send the same writes.
/// </summary>
public sealed class LoadPlan
{
    public const int BatchSize = 10;

    public required PlannedInspection Inspection { get; init; }

    /// <summary>Each client's writes, in the order it sends them.</summary>
    public required IReadOnlyList<IReadOnlyList<PlannedWrite>> Clients { get; init; }

    public int WriteCount => Clients.Sum(c => c.Count);

    public static LoadPlan Create(ApiClient api, FrameworkCatalog frameworks, int seed, int writes, int clients, string label)
    {
        var random = new Random(seed);
        // About a third of the writes are batches of ten, so there are more judgements than writes.
        var (inspection, judgements) = UniformInspection.Plan(frameworks, random, writes * 4, clients, label);
        var framework = frameworks.Latest(inspection.FrameworkId)!;
        var draws = new AnswerDraws(random);
        var perClient = Enumerable.Range(0, clients).Select(_ => new List<PlannedWrite>()).ToList();
        var next = 0;
        var index = 0;
        for (var i = 0; index < writes && next < judgements.Count; i++)
        {
            var client = perClient[i % clients];
            var by = inspection.Inspectors[i % clients];
            if (i % 3 == 2 && next + BatchSize <= judgements.Count)
            {
                var items = judgements.Skip(next).Take(BatchSize).Select(j => j with { By = by }).ToList();
                next += BatchSize;
                client.Add(new(index++, WriteKind.Batch, api.Batch(inspection.Id, by, items), [.. items.Select(j => j.Id)], null, null));
                continue;
            }

            var judgement = judgements[next++] with { By = by };
            var recorded = new PlannedWrite(index++, WriteKind.Judgement, api.Record(inspection.Id, judgement), [judgement.Id], null, null);
            client.Add(recorded);
            if (i % 7 == 3 && index < writes)
            {
                var marker = $"{label} revision {index}: {draws.RevisionNote()}";
                var revision = new PlannedChange(judgement.Id, judgement.CaseId, judgement.QuestionId, judgement.Answer, judgement.Reasons, marker, 1, by);
                client.Add(new(index++, WriteKind.Revision, api.Revise(inspection.Id, revision), [judgement.Id], marker, recorded.Index));
            }
            else if (i % 7 == 5 && index < writes)
            {
                var (answer, reasons) = draws.TurnOver(judgement.Answer, framework.FindQuestion(judgement.QuestionId)!);
                var marker = $"{label} moderation {index}: {draws.Rationale()}";
                var moderation = new PlannedChange(judgement.Id, judgement.CaseId, judgement.QuestionId, answer, reasons, marker, 1, inspection.Lead);
                client.Add(new(index++, WriteKind.Moderation, api.Moderate(inspection.Id, moderation), [judgement.Id], marker, recorded.Index));
            }
        }
        return new LoadPlan { Inspection = inspection, Clients = perClient };
    }
}
