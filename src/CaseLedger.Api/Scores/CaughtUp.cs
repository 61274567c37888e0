using CaseLedger.Api.Ledger;
using Marten.Events.Aggregation;

namespace CaseLedger.Api.Scores;

/// <summary>
/// Scores as of the ledger's latest event, even when the daemon has not applied it yet: the stored document plus
/// the same projection's <c>Evolve</c> over the events it has still to see. The projection is the only code that
/// says how an event changes a view, so the live view, a rebuild and this catch-up cannot disagree.
/// </summary>
public static class CaughtUp
{
    /// <summary>One inspection's scores as its ledger stands; null when there is no such inspection.</summary>
    public static Task<InspectionScores?> ScoresAsync(Guid id, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation) =>
        ViewAsync(id, new InspectionScoresProjection(schemes), session, cancellation);

    /// <summary>One inspection's view of any single-stream projection, with the events it has still to apply.</summary>
    public static async Task<TView?> ViewAsync<TView>(
        Guid id, SingleStreamProjection<TView, Guid> projection, IQuerySession session, CancellationToken cancellation)
        where TView : CountedView
    {
        var view = await session.LoadAsync<TView>(id, cancellation);
        var after = view?.Version ?? 0;
        foreach (var e in await new LedgerEvents(session).StreamAsync(id, after + 1, cancellation: cancellation))
            view = projection.Evolve(view, id, e);
        return view;
    }

    /// <summary>
    /// Many inspections' scores as their ledgers stand, for the views across inspections. One query finds which
    /// documents are behind their streams; only those read their missing events, all in one batch. A view is
    /// usually a fraction of a second behind, so this is normally the document load and one small query.
    /// </summary>
    public static Task<IReadOnlyList<InspectionScores>> ScoresAsync(
        IReadOnlyCollection<Guid> ids, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation) =>
        ViewsAsync(ids, new InspectionScoresProjection(schemes), session, cancellation);

    /// <summary>Many inspections' views of any single-stream projection, as their ledgers stand (see above).</summary>
    public static async Task<IReadOnlyList<TView>> ViewsAsync<TView>(
        IReadOnlyCollection<Guid> ids, SingleStreamProjection<TView, Guid> projection, IQuerySession session, CancellationToken cancellation)
        where TView : CountedView
    {
        if (ids.Count == 0) return [];
        var stored = (await session.LoadManyAsync<TView>(cancellation, ids)).ToDictionary(view => view.Id);
        var ledger = new LedgerEvents(session);
        var behind = (await ledger.VersionsAsync(ids, cancellation))
            .Where(stream => !stored.TryGetValue(stream.Key, out var view) || view.Version < stream.Value)
            .ToDictionary(stream => stream.Key, stream => (stored.GetValueOrDefault(stream.Key)?.Version ?? 0) + 1);
        foreach (var (id, events) in await ledger.StreamsAsync(behind, cancellation))
        {
            var view = stored.GetValueOrDefault(id);
            foreach (var e in events) view = projection.Evolve(view, id, e);
            if (view is not null) stored[id] = view;
        }
        return [.. stored.Values];
    }
}
