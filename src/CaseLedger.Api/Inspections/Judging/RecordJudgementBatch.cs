using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Judging;

public sealed record RecordJudgementBatch(IReadOnlyList<JudgementInput>? Judgements);

/// <summary>
/// Up to 5,000 judgements validated whole and appended in one transaction: one bad item rejects the batch, and the
/// problem names the item. Items repeating an earlier request (same id, same content) are answered, not re-appended.
/// </summary>
public static class RecordJudgementBatchEndpoint
{
    public const int MaxItems = 5000;

    public sealed record BatchResult(int Recorded, int Repeated, IReadOnlyList<JudgementView> Judgements);

    [Authorize(Roles = Roles.InspectionWriters)]
    [WolverinePost("/inspections/{id}/judgements/batch", OperationId = "RecordJudgementBatch")]
    [Tags(Capability.Judgements)]
    [EndpointSummary("Record judgements in one batch")]
    [EndpointDescription("Up to 5,000 judgements, all or nothing: one bad item refuses the batch, naming it (`judgements[7].answer`). Items already recorded with the same id and content count as repeats. Returns how many were recorded and repeated, and each judgement. Refusals as for one judgement.")]
    [ProducesResponseType<BatchResult>(201, "application/json")]
    [ProblemResponses(400, 401, 403, 404, 409, 413)]
    public static Task<IResult> Post(
        Guid id, RecordJudgementBatch batch, HttpContext http, LedgerSessions ledger,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken cancellation)
    {
        if (Validate(batch) is { } invalid) return Task.FromResult(invalid.ToResult());
        // Ids are chosen once, so a retried attempt records the same judgements, not new ones.
        var ids = batch.Judgements!.Select(item => item.Id ?? Guid.NewGuid()).ToList();
        return WritePipeline.RunAsync(new Recording(id, batch.Judgements!, ids, frameworks), http, ledger, clock, cancellation);
    }

    /// <summary>Pure: what the batch must be before anything is read.</summary>
    public static Rejection? Validate(RecordJudgementBatch? batch)
    {
        if (batch is null) return Rejection.MissingBody();
        var items = batch.Judgements ?? [];
        if (items.Count is 0 or > MaxItems) return Rejection.Invalid("judgements", $"must hold between 1 and {MaxItems} judgements.");
        if (items.Any(item => item is null)) return Rejection.Invalid("judgements", "an item is null.");
        return null;
    }

    /// <summary>
    /// Pure: each item decided as a single recording would be (<see cref="RecordJudgementEndpoint.Decide"/>), then
    /// the batch as a whole: the first refused item refuses it, repeats are answered without being appended, and two
    /// new items may not answer one case and question. <paramref name="stored"/> holds the judgements already stored
    /// under the items' given ids.
    /// </summary>
    public static Decision<BatchResult> Decide(
        JudgingContext context, IReadOnlyList<JudgementInput> items, IReadOnlyList<Guid> ids,
        IReadOnlyDictionary<Guid, CurrentJudgement> stored, WriteClock clock)
    {
        if (FirstRepeatedIndex(ids) is { } repeatedId)
            return Rejection.Invalid($"judgements[{repeatedId}].id", "repeats the id of an earlier item in this batch.");

        var recorded = new List<JudgementRecorded>(items.Count);
        var occurredAt = new List<DateTimeOffset?>(items.Count);
        var writes = new List<DocumentWrite>(items.Count);
        var results = new List<JudgementView>(items.Count);
        var newItemPlaces = new List<int>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var item = RecordJudgementEndpoint.Decide(context, items[index], ids[index], stored.GetValueOrDefault(ids[index]), clock, $"judgements[{index}].");
            if (item.Rejection is { } refused) return refused;
            if (item.Events.Count > 0) newItemPlaces.Add(index);
            recorded.AddRange(item.Events.Cast<JudgementRecorded>());
            occurredAt.AddRange(item.Events.Select((_, i) => item.OccurredAt.ElementAtOrDefault(i)));
            writes.AddRange(item.Writes);
            results.Add(JudgementView.From(item.State!));
        }
        if (FirstRepeatedIndex(recorded.Select(e => (e.CaseId, e.QuestionId)).ToList()) is { } twice)
            return Rejection.Conflict("Two items of this batch answer the same case and question.",
                $"At judgements[{newItemPlaces[twice]}] (counting only new items: {twice}).");

        var result = new BatchResult(recorded.Count, items.Count - recorded.Count, results);
        return recorded.Count == 0 ? Decision<BatchResult>.Unchanged(result) : context.Append(result, recorded, writes) with { OccurredAt = occurredAt };
    }

    private sealed record Recording(Guid InspectionId, IReadOnlyList<JudgementInput> Items, IReadOnlyList<Guid> Ids, FrameworkCatalog Frameworks)
        : IInspectionCommand<BatchResult>
    {
        public async Task<Decision<BatchResult>> DecideAsync(IQuerySession session, Actor actor, WriteClock clock, CancellationToken cancellation)
        {
            var (context, rejection) = await JudgingContext.LoadAsync(InspectionId, actor, session, Frameworks, cancellation);
            if (rejection is not null) return rejection;
            var givenIds = Items.Where(item => item.Id is not null).Select(item => item.Id!.Value).ToList();
            var stored = givenIds.Count == 0
                ? new Dictionary<Guid, CurrentJudgement>()
                : (await session.LoadManyAsync<CurrentJudgement>(cancellation, givenIds)).ToDictionary(judgement => judgement.Id);
            return Decide(context!, Items, Ids, stored, clock);
        }

        public IResult Respond(BatchResult result) => Results.Created($"/inspections/{InspectionId}/judgements", result);

        public async Task<IResult?> ExplainAsync(Exception refused, Decision<BatchResult> decision, IQuerySession query, CancellationToken cancellation) =>
            LedgerWrites.IsUniqueViolation(refused)
                ? (await ExplainCollisionAsync(query, InspectionId, Items, Ids, [.. decision.Events.Cast<JudgementRecorded>()], cancellation)).ToResult()
                : LedgerWrites.Refusal(refused)?.ToResult();
    }

    /// <summary>Only on a refused commit: find the first item whose case and question (or id) is already taken.</summary>
    private static async Task<Rejection> ExplainCollisionAsync(
        IQuerySession query, Guid inspectionId, IReadOnlyList<JudgementInput> items, IReadOnlyList<Guid> ids,
        IReadOnlyList<JudgementRecorded> recorded, CancellationToken cancellation)
    {
        var caseIds = recorded.Select(e => e.CaseId).Distinct().ToArray();
        var taken = (await query.Query<CurrentJudgement>()
                .Where(judgement => judgement.InspectionId == inspectionId && judgement.CaseId.IsOneOf(caseIds))
                .ToListAsync(cancellation))
            .ToDictionary(judgement => (judgement.CaseId, judgement.QuestionId));
        var takenIds = (await query.LoadManyAsync<CurrentJudgement>(cancellation, recorded.Select(e => e.JudgementId).ToArray()))
            .Select(judgement => judgement.Id).ToHashSet();

        for (var index = 0; index < items.Count; index++)
        {
            var attempted = recorded.FirstOrDefault(e => e.JudgementId == ids[index]);
            if (attempted is null) continue;
            if (takenIds.Contains(attempted.JudgementId))
                return Rejection.Conflict($"Judgement {attempted.JudgementId} was recorded by another request at the same moment.",
                    $"At judgements[{index}]; send the batch again to have it answered as a retry.");
            if (taken.GetValueOrDefault((attempted.CaseId, attempted.QuestionId)) is { } current)
                return RecordJudgementEndpoint.CaseQuestionTaken(inspectionId, current, $"At judgements[{index}].");
        }
        return Rejection.Conflict("Another request recorded some of these judgements at the same moment; send the batch again.");
    }

    private static int? FirstRepeatedIndex<T>(IReadOnlyList<T> values)
    {
        var seen = new HashSet<T>();
        for (var i = 0; i < values.Count; i++)
            if (!seen.Add(values[i])) return i;
        return null;
    }
}
