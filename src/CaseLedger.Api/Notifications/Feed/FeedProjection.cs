using System.Collections.Concurrent;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Yots;
using Marten.Events.Projections;

namespace CaseLedger.Api.Notifications.Feed;

/// <summary>
/// Writes one feed row per event, an async projection of its own. The daemon hands events over in global sequence
/// order and only up to its high-water mark, past which no transaction still open can commit a lower sequence; so
/// rows only ever arrive above those already written, and a page read once never changes. The daemon records its
/// progress in the same transaction as the rows, and a batch it hands over again is written once
/// (<c>on conflict do nothing</c>). Each batch ends with a <c>pg_notify</c>, delivered when it commits, which wakes
/// every node's waiting feed requests (<see cref="FeedListener"/>).
/// </summary>
public sealed class FeedProjection : IProjection
{
    public const string Name = "change-feed";
    public const string Channel = "caseledger_feed";

    /// <summary>Payloads of the notification: whether the batch holds an entry a reporting client may see, so their
    /// waiting requests stay asleep through a fieldwork week's judgements.</summary>
    public const string ForEveryone = "reporting";
    public const string ForAuditors = "audit";

    // The YOT of each inspection met, learnt from its opening. An inspection first met mid-stream (after a restart)
    // is looked up in its header, which is written in the same transaction as its events. Cleared when large: it is
    // a cache, and a few hundred header loads cost less than holding every inspection ever opened.
    private const int MaxRemembered = 20_000;
    private readonly ConcurrentDictionary<Guid, string> yots = new();

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return;
        if (yots.Count > MaxRemembered) yots.Clear();
        await LearnYotsAsync(operations, events, cancellation);

        var rows = events.Select(Row).ToList();
        operations.QueueSqlCommand(
            $"""
             insert into {FeedTable.Name} (seq_id, kind, inspection_id, yot, stream_version, valid_at, recorded_at, for_reporting)
             select * from unnest(?, ?, ?, ?, ?, ?, ?, ?) on conflict (seq_id) do nothing
             """,
            rows.Select(r => r.Sequence).ToArray(), rows.Select(r => r.Kind).ToArray(), rows.Select(r => r.InspectionId).ToArray(),
            rows.Select(r => r.Yot).ToArray(), rows.Select(r => r.StreamVersion).ToArray(), rows.Select(r => r.ValidAt).ToArray(),
            rows.Select(r => r.RecordedAt).ToArray(), rows.Select(r => r.ForReporting).ToArray());
        operations.QueueSqlCommand("select pg_notify(?, ?)", Channel, rows.Any(r => r.ForReporting) ? ForEveryone : ForAuditors);
    }

    private sealed record FeedRow(
        long Sequence, string Kind, Guid? InspectionId, string Yot, long StreamVersion, DateTimeOffset ValidAt, DateTimeOffset RecordedAt, bool ForReporting);

    private FeedRow Row(IEvent e)
    {
        var (inspection, yot) = e.Data switch
        {
            YotRegistered registered => ((Guid?)null, registered.Code),
            YotChanged changed => (null, changed.Code),
            _ => (e.StreamId, yots.GetValueOrDefault(e.StreamId, "")),
        };
        return new FeedRow(e.Sequence, FeedKinds.Of(e.Data), inspection, yot, e.Version,
            EventMetadata.OccurredAt(e).ToUniversalTime(), e.Timestamp.ToUniversalTime(), NoticeKinds.Of(e.Data) is not null);
    }

    private async Task LearnYotsAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
            if (e.Data is InspectionOpened opened) yots[e.StreamId] = opened.Yot.Code;
        var unknown = events.Where(e => e.Data is not (YotRegistered or YotChanged) && !yots.ContainsKey(e.StreamId))
            .Select(e => e.StreamId).Distinct().ToArray();
        if (unknown.Length == 0) return;
        foreach (var header in await operations.LoadManyAsync<InspectionHeader>(cancellation, unknown))
            yots[header.Id] = header.Yot.Code;
    }
}
