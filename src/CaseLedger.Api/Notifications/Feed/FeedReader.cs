namespace CaseLedger.Api.Notifications.Feed;

/// <summary>An entry as the feed table holds it; times as microseconds since the epoch, the database's own
/// precision, so no text format or session time zone can move them.</summary>
public sealed record StoredEntry(
    long Sequence, string Kind, Guid? InspectionId, string Yot, long StreamVersion, long ValidAtMicroseconds, long RecordedAtMicroseconds);

/// <summary>
/// One page of the feed: the entries after a sequence, in sequence order. A single index range scan (the primary
/// key for auditors, the partial index of notices for everyone else), so a read costs the same however long the log.
/// </summary>
public static class FeedReader
{
    public static Task<IReadOnlyList<StoredEntry>> PageAsync(
        IQuerySession session, FeedAudience audience, long after, int limit, CancellationToken cancellation) =>
        session.AdvancedSql.QueryAsync<StoredEntry>(
            $"""
             select json_build_object('sequence', seq_id, 'kind', kind, 'inspectionId', inspection_id, 'yot', yot, 'streamVersion', stream_version,
                                      'validAtMicroseconds', (extract(epoch from valid_at) * 1000000)::bigint,
                                      'recordedAtMicroseconds', (extract(epoch from recorded_at) * 1000000)::bigint)
               from {FeedTable.Name}
              where seq_id > ? {(audience == FeedAudience.Everything ? "" : "and for_reporting")}
              order by seq_id
              limit ?
             """,
            cancellation, after, limit);
}
