using Marten;

namespace CaseLedger.Api.Scores;

/// <summary>
/// Views as of the ledger's latest event, even when the daemon has not applied it yet: the stored document plus
/// the same projection's <c>Evolve</c> over the events it has still to see. The projection is the only code that
/// says how an event changes a view, so the live view, a rebuild and this catch-up cannot disagree.
/// </summary>
public static class CaughtUp
{
    public static async Task<ModerationLog> ModerationLogAsync(Guid id, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var log = await session.LoadAsync<ModerationLog>(id, cancellation);
        var projection = new ModerationLogProjection(schemes);
        foreach (var e in await session.Events.FetchStreamAsync(id, fromVersion: (log?.Version ?? 0) + 1, token: cancellation))
            log = projection.Evolve(log, id, e);
        return log ?? new ModerationLog { Id = id };
    }

    public static async Task<InspectionScores?> ScoresAsync(Guid id, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var scores = await session.LoadAsync<InspectionScores>(id, cancellation);
        var projection = new InspectionScoresProjection(schemes);
        foreach (var e in await session.Events.FetchStreamAsync(id, fromVersion: (scores?.Version ?? 0) + 1, token: cancellation))
            scores = projection.Evolve(scores, id, e);
        return scores;
    }
}
