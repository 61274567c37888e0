using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scores;
using Marten.Events;

namespace CaseLedger.Api.Timelines;

/// <summary>
/// A timeline as the ledger stands, even when the daemon has not applied the latest events yet: the stored document
/// plus the projection's own fold over the openings, publications and corrections past the projection's progress.
/// Those are a handful at most, so a read stays one document and one small query. While the timeline itself is
/// rebuilt, the fold covers what the rebuild has not reached: slower, never partial.
/// </summary>
public static class TimelineReads
{
    public static async Task<TTimeline?> CaughtUpAsync<TTimeline, TFigures>(
        string key, TimelineProjection<TTimeline, TFigures> projection, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
        where TTimeline : Timeline<TFigures>, new()
    {
        // The document and the projection's progress in one statement, so from one snapshot: a rebuild deletes the
        // documents and the progress, and two reads either side of it would pair a deleted document with the old
        // progress, an empty view. Should the two deletions ever commit apart, a timeline table with no document at
        // all beside a progress past zero is read as the rebuild's start, from the first event.
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(TTimeline)).TableName.QualifiedName;
        var stored = (await session.AdvancedSql.QueryAsync<Stored<TTimeline>>(
            $"""
             select json_build_object(
               'progress', (select coalesce(min(last_seq_id), 0) from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_event_progression where name like ?),
               'populated', exists (select 1 from {table}),
               'timeline', (select data from {table} where id = ?))
             """,
            cancellation, projection.Name + ":%", key)).Single();
        var (progress, timeline) = (stored.Populated ? stored.Progress : 0, stored.Timeline);
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

    private sealed record Stored<TTimeline>(long Progress, bool Populated, TTimeline? Timeline);

    private static IEvent Figured<T>(T data, IEvent e) where T : notnull =>
        new Event<T>(data) { StreamId = e.StreamId, Version = e.Version, Sequence = e.Sequence, Timestamp = e.Timestamp };
}
