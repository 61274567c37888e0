using CaseLedger.Api.Inspections.Writing;
using System.Text.Json;

namespace CaseLedger.Api.Ledger;

/// <summary>
/// The one reader of raw events. Every endpoint that shows or replays the ledger reads through here, with Marten's
/// typed event API, so events always come back as Marten decoded them (the .NET type, its metadata and headers)
/// and no endpoint writes SQL against Marten's tables or knows its type aliases. The one reading of events elsewhere is
/// verify's (<see cref="StoredRows.WithEventsAsync"/>), which hands each row it hashes to Marten's own event selector,
/// so that the check reads the stream once and its events are still as Marten decodes them.
/// </summary>
public sealed class LedgerEvents(IQuerySession session)
{
    /// <summary>An inspection's events from <paramref name="fromVersion"/> to <paramref name="toVersion"/>
    /// (0: to the end), in order.</summary>
    public Task<IReadOnlyList<IEvent>> StreamAsync(Guid streamId, long fromVersion = 1, long toVersion = 0, CancellationToken cancellation = default) =>
        session.Events.FetchStreamAsync(streamId, toVersion, fromVersion: fromVersion, token: cancellation);

    /// <summary>A stream's events in each of <paramref name="ranges"/> (inclusive versions, in order), in one round trip.</summary>
    public async Task<IReadOnlyList<IEvent>> RangesAsync(Guid streamId, IReadOnlyList<(long From, long To)> ranges, CancellationToken cancellation)
    {
        if (ranges.Count == 0) return [];
        if (ranges.Count == 1) return await StreamAsync(streamId, ranges[0].From, ranges[0].To, cancellation);
        var batch = session.CreateBatchQuery();
        var pending = ranges.Select(range => batch.Events.FetchStream(streamId, range.To, fromVersion: range.From)).ToList();
        await batch.Execute(cancellation);
        var events = new List<IEvent>();
        foreach (var range in pending) events.AddRange(await range);
        return events;
    }

    /// <summary>Many streams' events, each from its own version on, in one round trip.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<IEvent>>> StreamsAsync(
        IReadOnlyDictionary<Guid, long> fromVersions, CancellationToken cancellation)
    {
        if (fromVersions.Count == 0) return new Dictionary<Guid, IReadOnlyList<IEvent>>();
        var batch = session.CreateBatchQuery();
        var pending = fromVersions.Select(stream => (stream.Key, Events: batch.Events.FetchStream(stream.Key, fromVersion: stream.Value))).ToList();
        await batch.Execute(cancellation);
        var streams = new Dictionary<Guid, IReadOnlyList<IEvent>>();
        foreach (var (id, events) in pending) streams[id] = await events;
        return streams;
    }

    /// <summary>A stream's events from after <paramref name="afterVersion"/> to <paramref name="toVersion"/> that
    /// came after global sequence <paramref name="afterSequence"/>: what a view that has applied events up to that
    /// sequence has still to see of the stream, in order.</summary>
    public async Task<IReadOnlyList<IEvent>> AfterSequenceAsync(
        Guid streamId, long afterSequence, long afterVersion, long toVersion, CancellationToken cancellation) =>
        await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == streamId && e.Sequence > afterSequence && e.Version > afterVersion && e.Version <= toVersion)
            .OrderBy(e => e.Version)
            .ToListAsync(cancellation);

    /// <summary>The global sequence of the stream's event at <paramref name="version"/>; null when there is none. One
    /// index lookup, where a LINQ query over the events costs its translation on every call.</summary>
    public async Task<long?> SequenceAtAsync(Guid streamId, long version, CancellationToken cancellation)
    {
        var sequences = await session.AdvancedSql.QueryAsync<long>(
            $"select seq_id from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events where stream_id = ? and version = ?",
            cancellation, streamId, version);
        return sequences.Count == 0 ? null : sequences[0];
    }

    /// <summary>At most <paramref name="limit"/> events after <paramref name="afterVersion"/>, in order.</summary>
    public async Task<IReadOnlyList<IEvent>> PageAsync(Guid streamId, long afterVersion, int limit, CancellationToken cancellation) =>
        await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == streamId && e.Version > afterVersion)
            .OrderBy(e => e.Version)
            .Take(limit)
            .ToListAsync(cancellation);

    /// <summary>
    /// At most <paramref name="limit"/> events after <paramref name="afterVersion"/>, in order, each recorded more
    /// than <paramref name="lateness"/> after its valid time: what was backdated, for an auditor. Only an event whose
    /// write stated a valid time can be; the others happened when they were recorded.
    /// </summary>
    public async Task<IReadOnlyList<IEvent>> RecordedLatePageAsync(
        Guid streamId, long afterVersion, int limit, TimeSpan lateness, CancellationToken cancellation)
    {
        var versions = await session.AdvancedSql.QueryAsync<long>(
            $"""
             select version from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events
              where stream_id = ? and version > ? and headers ->> '{LedgerWrites.OccurredAtHeader}' is not null
                and timestamp - (headers ->> '{LedgerWrites.OccurredAtHeader}')::timestamptz > make_interval(secs => ?)
              order by version limit ?
             """,
            cancellation, streamId, afterVersion, lateness.TotalSeconds, limit);
        if (versions.Count == 0) return [];
        var wanted = versions.ToArray();
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == streamId && e.Version.IsOneOf(wanted))
            .OrderBy(e => e.Version)
            .ToListAsync(cancellation);
    }

    /// <summary>The stream's last event at or before <paramref name="at"/>; null when it had none yet.</summary>
    public Task<IEvent?> LastAtOrBeforeAsync(Guid streamId, DateTimeOffset at, CancellationToken cancellation) =>
        session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == streamId && e.Timestamp <= at)
            .OrderByDescending(e => e.Version)
            .FirstOrDefaultAsync(cancellation)!;

    /// <summary>The stream's event at <paramref name="version"/>; null when there is none.</summary>
    public Task<IEvent?> AtVersionAsync(Guid streamId, long version, CancellationToken cancellation) =>
        session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == streamId && e.Version == version)
            .FirstOrDefaultAsync(cancellation)!;

    /// <summary>The latest valid time among a stream's events (DESIGN §11); null when it has none.</summary>
    public async Task<DateTimeOffset?> LatestOccurredAtAsync(Guid streamId, CancellationToken cancellation)
    {
        var rows = await session.AdvancedSql.QueryAsync<LatestTime>(
            $"""
             select json_build_object('at', max(coalesce((headers ->> '{LedgerWrites.OccurredAtHeader}')::timestamptz, timestamp)))
               from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events where stream_id = ?
             """,
            cancellation, streamId);
        return rows.Count == 0 ? null : rows[0].At;
    }

    private sealed record LatestTime(DateTimeOffset? At);

    /// <summary>
    /// The current version of each of many streams, in one round trip. Marten's typed API fetches stream states
    /// one at a time, which for a national view would be a thousand queries; this is the one place that reads
    /// Marten's stream table directly.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, long>> VersionsAsync(IReadOnlyCollection<Guid> streamIds, CancellationToken cancellation)
    {
        var rows = await session.AdvancedSql.QueryAsync<StreamVersion>(
            $"select json_build_object('stream', id, 'version', version) from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams where id = any(?)",
            cancellation, streamIds.ToArray());
        return rows.ToDictionary(row => row.Stream, row => row.Version);
    }

    private sealed record StreamVersion(Guid Stream, long Version);

    /// <summary>An event's body as Marten's own serializer writes it, so a reader sees what is stored, member for member.</summary>
    public JsonElement DataOf(IEvent e) => DataOf(e, session.DocumentStore.Options.Serializer());

    public static JsonElement DataOf(IEvent e, ISerializer serializer)
    {
        using var data = JsonDocument.Parse(serializer.ToJson(e.Data));
        return data.RootElement.Clone();
    }
}
