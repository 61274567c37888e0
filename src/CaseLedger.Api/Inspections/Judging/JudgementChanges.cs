using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Infrastructure;
using Marten;

namespace CaseLedger.Api.Inspections.Judging;

/// <summary>Loads a judgement, applies a decided change as one event and the judgement's next revision, commits.</summary>
public static class JudgementChanges
{
    public delegate (object Event, CurrentJudgement Changed, Rejection? Rejection) Decide(JudgingContext context, CurrentJudgement current);

    public static Task<IResult> ApplyAsync(
        Guid inspectionId, Guid judgementId, HttpContext http, IDocumentStore store, FrameworkCatalog frameworks,
        Func<JudgingContext, Rejection?> allowed, Decide decide, CancellationToken cancellation) =>
        LedgerWrites.WithRetryAsync(store, session => ApplyAsync(inspectionId, judgementId, http, session, frameworks, allowed, decide, cancellation), cancellation);

    private static async Task<IResult> ApplyAsync(
        Guid inspectionId, Guid judgementId, HttpContext http, IDocumentSession session, FrameworkCatalog frameworks,
        Func<JudgingContext, Rejection?> allowed, Decide decide, CancellationToken cancellation)
    {
        var (context, rejection) = await JudgingContext.LoadAsync(inspectionId, http, session, frameworks, cancellation);
        if (rejection is not null) return rejection.ToResult();
        if (allowed(context!) is { } refused) return refused.ToResult();

        var current = await session.LoadAsync<CurrentJudgement>(judgementId, cancellation);
        if (current is null || current.InspectionId != inspectionId)
            return Rejection.NotFound($"Judgement {judgementId} is not in this inspection.").ToResult();

        var (@event, changed, decisionRejection) = decide(context!, current);
        if (decisionRejection is not null) return decisionRejection.ToResult();

        session.Stamp(context!.Actor, http, context.Header.OpenWeek);
        session.Events.Append(inspectionId, @event);
        session.UpdateRevision(changed, current.Version + 1);
        session.RequireStillWritable(inspectionId, context.Header.OpenWeek);
        if (await session.CommitAsync(inspectionId, cancellation) is { } commitRefused)
        {
            if (commitRefused.Status != StatusCodes.Status409Conflict) return commitRefused.ToResult();
            await using var query = session.DocumentStore.QuerySession();
            var now = await query.LoadAsync<CurrentJudgement>(judgementId, cancellation);
            return (commitRefused with
            {
                Extensions = new Dictionary<string, object?> { ["current"] = now is null ? null : JudgementView.From(now) },
            }).ToResult();
        }

        changed.Version = current.Version + 1;
        return Results.Ok(JudgementView.From(changed));
    }
}
