using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scores;
using Marten.Events;
using Npgsql;

namespace CaseLedger.Api.Timelines;

/// <summary>
/// Timelines as the ledger stands, even when the daemon has not applied the latest events yet: the stored documents
/// plus the projection's own fold over the openings, publications and corrections past the projection's progress.
/// Those are a handful at most, so a read stays its documents and one small query. While the timelines themselves
/// are rebuilt, the fold covers what the rebuild has not reached: slower, never partial.
/// </summary>
public static class TimelineReads
{
    /// <summary>The one timeline at <paramref name="key"/>.</summary>
    public static async Task<TTimeline?> CaughtUpAsync<TTimeline, TFigures>(
        string key, TimelineProjection<TTimeline, TFigures> projection, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
        where TTimeline : Timeline<TFigures>, new()
    {
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(TTimeline)).TableName.QualifiedName;
        var (progress, timelines) = await StoredAsync<TTimeline, TFigures>(
            projection.Name, $"select t.data from {table} t where t.id = @key", [new NpgsqlParameter("key", key)], session, cancellation);
        await FoldAsync(projection, timelines, await PendingAsync(projection, progress, candidate => candidate == key, session, cancellation),
            session, schemes, cancellation);
        return timelines.GetValueOrDefault(key);
    }

    /// <summary>The openings, publications and corrections past <paramref name="progress"/>, in ledger order, each
    /// with every key <paramref name="wanted"/> takes of those it belongs to.</summary>
    public static async Task<IReadOnlyList<(string Key, IEvent Event)>> PendingAsync<TTimeline, TFigures>(
        TimelineProjection<TTimeline, TFigures> projection, long progress, Func<string, bool> wanted, IQuerySession session, CancellationToken cancellation)
        where TTimeline : Timeline<TFigures>, new()
    {
        var pending = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > progress)
            .Where(e => e.EventTypesAre(typeof(InspectionOpened), typeof(InspectionPublished), typeof(PublishedJudgementCorrected)))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellation);
        if (pending.Count == 0) return [];
        var placed = await projection.PlaceAsync(session, pending, cancellation);
        return [.. pending.SelectMany(e => (placed.GetValueOrDefault(e.StreamId) ?? []).Where(wanted).Select(key => (key, e)))];
    }

    /// <summary>Folds <paramref name="pending"/> onto <paramref name="timelines"/> with the projection's own
    /// <c>Evolve</c>, each publication and correction with the figures it left.</summary>
    public static async Task FoldAsync<TTimeline, TFigures>(
        TimelineProjection<TTimeline, TFigures> projection, Dictionary<string, TTimeline> timelines, IReadOnlyList<(string Key, IEvent Event)> pending,
        IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
        where TTimeline : Timeline<TFigures>, new()
    {
        if (pending.Count == 0) return;
        var figures = new TimelineFigures(session, schemes);
        await figures.PrepareAsync(pending.Select(placing => placing.Event).Distinct(), cancellation);
        foreach (var (key, e) in pending)
        {
            var evolved = projection.Evolve(timelines.GetValueOrDefault(key), key,
                e.Data is InspectionOpened ? e : Figured(await projection.FigureAsync(key, e, figures, cancellation), e));
            if (evolved is not null) timelines[key] = evolved;
        }
    }

    /// <summary>
    /// The timelines <paramref name="stored"/> selects (a query of <c>data</c> from the timelines' table), by key, and
    /// the projection's progress, in one statement, so from one snapshot: a rebuild deletes the documents and the
    /// progress, and two reads either side of it would pair a deleted document with the old progress, an empty view. Should the two deletions ever commit apart, a timeline table with no document at all
    /// beside a progress past zero is read as the rebuild's start, from the first event.
    /// </summary>
    public static async Task<(long Progress, Dictionary<string, TTimeline> Timelines)> StoredAsync<TTimeline, TFigures>(
        string projectionName, string stored, IEnumerable<NpgsqlParameter> parameters, IQuerySession session, CancellationToken cancellation)
        where TTimeline : Timeline<TFigures>
    {
        var options = session.DocumentStore.Options;
        var table = options.FindOrResolveDocumentType(typeof(TTimeline)).TableName.QualifiedName;
        await using var command = new NpgsqlCommand(
            $"""
             select progress.last_seq_id, progress.populated, kept.data
             from (select coalesce(min(last_seq_id), 0) as last_seq_id, exists (select 1 from {table}) as populated
                   from {options.Events.DatabaseSchemaName}.mt_event_progression where name like @progression) progress
             left join lateral ({stored}) kept on true
             """);
        command.Parameters.AddWithValue("progression", projectionName + ":%");
        foreach (var parameter in parameters) command.Parameters.Add(parameter);
        var (progress, timelines, serializer) = (0L, new Dictionary<string, TTimeline>(), options.Serializer());
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            progress = reader.GetBoolean(1) ? reader.GetInt64(0) : 0;
            if (await reader.IsDBNullAsync(2, cancellation)) continue;
            var timeline = serializer.FromJson<TTimeline>(reader, 2);
            timelines[timeline.Id] = timeline;
        }
        return (progress, timelines);
    }

    private static IEvent Figured<T>(T data, IEvent e) where T : notnull =>
        new Event<T>(data) { StreamId = e.StreamId, Version = e.Version, Sequence = e.Sequence, Timestamp = e.Timestamp };
}
