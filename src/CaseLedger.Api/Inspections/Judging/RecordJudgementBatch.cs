using Microsoft.AspNetCore.Authorization;
using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

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
    [ProducesResponseType<BatchResult>(201, "application/json")]
    [ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(413, "application/problem+json")]
    public static Task<IResult> Post(
        Guid id, RecordJudgementBatch batch, HttpContext http, IDocumentStore store,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken cancellation) =>
        LedgerWrites.WithRetryAsync(store, session => Attempt(id, batch, http, session, store, frameworks, clock, cancellation), cancellation);

    private static async Task<IResult> Attempt(
        Guid id, RecordJudgementBatch batch, HttpContext http, IDocumentSession session, IDocumentStore store,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken cancellation)
    {
        if (batch is null) return Rejection.MissingBody().ToResult();
        var items = batch.Judgements ?? [];
        if (items.Count is 0 or > MaxItems)
            return Rejection.Invalid("judgements", $"must hold between 1 and {MaxItems} judgements.").ToResult();
        if (items.Any(item => item is null))
            return Rejection.Invalid("judgements", "an item is null.").ToResult();

        var (context, rejection) = await JudgingContext.LoadAsync(id, http, session, frameworks, cancellation);
        if (rejection is not null) return rejection.ToResult();
        var (actor, header, framework) = context!;

        var ids = items.Select(item => item.Id ?? Guid.NewGuid()).ToList();
        if (FirstRepeatedIndex(ids) is { } repeatedId)
            return Rejection.Invalid($"judgements[{repeatedId}].id", "repeats the id of an earlier item in this batch.").ToResult();
        var givenIds = items.Where(item => item.Id is not null).Select(item => item.Id!.Value).ToList();
        var stored = givenIds.Count == 0
            ? new Dictionary<Guid, CurrentJudgement>()
            : (await session.LoadManyAsync<CurrentJudgement>(cancellation, givenIds)).ToDictionary(judgement => judgement.Id);

        var now = clock.GetUtcNow();
        var recorded = new List<JudgementRecorded>(items.Count);
        var results = new List<JudgementView>(items.Count);
        var repeated = 0;
        for (var index = 0; index < items.Count; index++)
        {
            switch (RecordingDecision.Decide(header, framework, items[index], ids[index], stored.GetValueOrDefault(ids[index]), $"judgements[{index}]."))
            {
                case RecordingDecision.Refuse refuse:
                    return refuse.Rejection.ToResult();
                case RecordingDecision.Repeat repeat:
                    repeated++;
                    results.Add(JudgementView.From(repeat.Existing));
                    break;
                case RecordingDecision.Record record:
                    recorded.Add(record.Event);
                    results.Add(JudgementView.From(CurrentJudgement.Start(id, record.Event, actor.UserId, now, header.OpenWeek)));
                    break;
            }
        }
        if (FirstRepeatedIndex(recorded.Select(e => (e.CaseId, e.QuestionId)).ToList()) is { } twice)
            return Rejection.Conflict("Two items of this batch answer the same case and question.",
                $"At judgements[{items.Count - recorded.Count + twice}] (counting only new items: {twice}).").ToResult();

        if (recorded.Count > 0)
        {
            session.Stamp(actor, http, header.OpenWeek);
            session.Events.Append(id, recorded.ToArray());
            foreach (var @event in recorded)
                session.Insert(CurrentJudgement.Start(id, @event, actor.UserId, now, header.OpenWeek));
            session.RequireStillWritable(id, header.OpenWeek);
            try
            {
                await session.SaveLedgerAsync(id, cancellation);
            }
            catch (Exception exception) when (LedgerWrites.IsUniqueViolation(exception))
            {
                return (await ExplainCollisionAsync(store, id, items, ids, recorded, cancellation)).ToResult();
            }
            catch (Exception exception) when (!LedgerWrites.IsStreamVersionCollision(exception) && LedgerWrites.Refusal(exception) is { } refused)
            {
                return refused.ToResult();
            }
        }

        return Results.Created($"/inspections/{id}/judgements", new BatchResult(recorded.Count, repeated, results));
    }

    /// <summary>Only on a refused commit: find the first item whose case and question (or id) is already taken.</summary>
    private static async Task<Rejection> ExplainCollisionAsync(
        IDocumentStore store, Guid inspectionId, IReadOnlyList<JudgementInput> items, IReadOnlyList<Guid> ids,
        IReadOnlyList<JudgementRecorded> recorded, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
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
