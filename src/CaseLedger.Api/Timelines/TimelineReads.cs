using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scores;
using Marten.Events;
using Npgsql;

namespace CaseLedger.Api.Timelines;

/// <summary>
/// A timeline as the ledger stands, even when the daemon has not applied the latest events yet: the stored document
/// plus the projection's own fold over the openings, publications and corrections past the projection's progress.
/// Those are a handful at most, so a read stays one document and one small query. While the timeline itself is
/// rebuilt, the fold covers what the rebuild has not reached: slower, never partial.
/// </summary>
public static class TimelineReads
{
    /// <param name="latestPerYotAt">For a view of each YOT's latest inspection at this moment: the stored timeline
    /// keeps only the inspections that can be that (<see cref="LatestPerYot"/>), so the read stays the same size however
    /// many inspections each YOT has had.</param>
    public static async Task<TTimeline?> CaughtUpAsync<TTimeline, TFigures>(
        string key, TimelineProjection<TTimeline, TFigures> projection, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation,
        MomentQuery.Moment? latestPerYotAt = null)
        where TTimeline : Timeline<TFigures>, new()
    {
        // The document and the projection's progress in one statement, so from one snapshot: a rebuild deletes the
        // documents and the progress, and two reads either side of it would pair a deleted document with the old
        // progress, an empty view. Should the two deletions ever commit apart, a timeline table with no document at
        // all beside a progress past zero is read as the rebuild's start, from the first event.
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(TTimeline)).TableName.QualifiedName;
        await using var command = new NpgsqlCommand(
            $"""
             select
               (select coalesce(min(last_seq_id), 0) from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_event_progression where name like @progression),
               exists (select 1 from {table}),
               (select {(latestPerYotAt is null ? "t.data" : LatestPerYot.Document)} from {table} t where t.id = @key)
             """);
        command.Parameters.AddWithValue("progression", projection.Name + ":%");
        command.Parameters.AddWithValue("key", key);
        if (latestPerYotAt is not null) command.Parameters.AddRange(LatestPerYot.Parameters(latestPerYotAt));
        long progress;
        TTimeline? timeline;
        await using (var reader = await session.ExecuteReaderAsync(command, cancellation))
        {
            await reader.ReadAsync(cancellation);
            progress = reader.GetBoolean(1) ? reader.GetInt64(0) : 0;
            timeline = await reader.IsDBNullAsync(2, cancellation) ? null : session.DocumentStore.Options.Serializer().FromJson<TTimeline>(reader, 2);
        }
        var pending = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > progress)
            .Where(e => e.EventTypesAre(typeof(InspectionOpened), typeof(InspectionPublished), typeof(PublishedJudgementCorrected)))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellation);
        if (pending.Count == 0) return timeline;

        var placed = await projection.PlaceAsync(session, pending, cancellation);
        var mine = pending.Where(e => placed.GetValueOrDefault(e.StreamId)?.Contains(key) == true).ToList();
        var figures = new TimelineFigures(session, schemes);
        await figures.PrepareAsync(mine, cancellation);
        foreach (var e in mine)
            timeline = projection.Evolve(timeline, key, e.Data is InspectionOpened ? e : Figured(await projection.FigureAsync(key, e, figures, cancellation), e));
        return timeline;
    }

    private static IEvent Figured<T>(T data, IEvent e) where T : notnull =>
        new Event<T>(data) { StreamId = e.StreamId, Version = e.Version, Sequence = e.Sequence, Timestamp = e.Timestamp };
}
