using CaseLedger.Api.Infrastructure;
using Marten;
using Npgsql;

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

    /// <summary>One inspection's scores as its ledger stands; null when there is no such inspection.</summary>
    public static async Task<InspectionScores?> ScoresAsync(Guid id, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var scores = await session.LoadAsync<InspectionScores>(id, cancellation);
        var projection = new InspectionScoresProjection(schemes);
        foreach (var e in await session.Events.FetchStreamAsync(id, fromVersion: (scores?.Version ?? 0) + 1, token: cancellation))
            scores = projection.Evolve(scores, id, e);
        return scores;
    }

    /// <summary>
    /// Many inspections' scores as their ledgers stand, for the views across inspections. One query finds which
    /// documents are behind their streams; only those read their missing events, all in one batch. A view is
    /// usually a fraction of a second behind, so this is normally the document load and one small query.
    /// </summary>
    public static async Task<IReadOnlyList<InspectionScores>> ScoresAsync(
        IReadOnlyCollection<Guid> ids, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        if (ids.Count == 0) return [];
        var stored = (await session.LoadManyAsync<InspectionScores>(cancellation, ids)).ToDictionary(scores => scores.Id);
        var behind = (await StreamVersionsAsync(ids, session, cancellation))
            .Where(stream => !stored.TryGetValue(stream.Key, out var scores) || scores.Version < stream.Value)
            .Select(stream => stream.Key).ToList();
        if (behind.Count > 0)
        {
            var batch = session.CreateBatchQuery();
            var missing = behind.Select(id => (Id: id, Events: batch.Events.FetchStream(id, fromVersion: (stored.GetValueOrDefault(id)?.Version ?? 0) + 1))).ToList();
            await batch.Execute(cancellation);
            var projection = new InspectionScoresProjection(schemes);
            foreach (var (id, events) in missing)
            {
                var scores = stored.GetValueOrDefault(id);
                foreach (var e in await events) scores = projection.Evolve(scores, id, e);
                if (scores is not null) stored[id] = scores;
            }
        }
        return [.. stored.Values];
    }

    private static async Task<Dictionary<Guid, long>> StreamVersionsAsync(IReadOnlyCollection<Guid> ids, IQuerySession session, CancellationToken cancellation)
    {
        await using var connection = (NpgsqlConnection)session.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"select id, version from {EventStoreSetup.Schema}.mt_streams where id = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var versions = new Dictionary<Guid, long>();
        while (await reader.ReadAsync(cancellation)) versions[reader.GetGuid(0)] = reader.GetInt64(1);
        return versions;
    }
}
