using CaseLedger.Api.Ledger;
using Marten.Events;

namespace CaseLedger.Api.Inspections.Reading;

/// <summary>
/// When an inspection opened and was published, in both times (DESIGN §11): when it happened and when the ledger
/// recorded it. Read from the two events themselves, since the recorded time is Marten's commit timestamp, which
/// only the event row holds.
/// </summary>
public sealed record Milestones(
    DateTimeOffset OpenedAt, DateTimeOffset OpenedRecordedAt, DateTimeOffset? PublishedAt, DateTimeOffset? PublishedRecordedAt)
{
    /// <summary>The milestones of each of <paramref name="ids"/> that has opened, in one round trip.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Milestones>> LoadAsync(
        IQuerySession session, IReadOnlyCollection<Guid> ids, CancellationToken cancellation)
    {
        if (ids.Count == 0) return new Dictionary<Guid, Milestones>();
        var wanted = ids.ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(wanted) && e.EventTypesAre(typeof(InspectionOpened), typeof(InspectionPublished)))
            .ToListAsync(cancellation);
        return events.GroupBy(e => e.StreamId)
            .Where(stream => stream.Any(e => e.Data is InspectionOpened))
            .ToDictionary(stream => stream.Key, stream =>
            {
                var opened = stream.First(e => e.Data is InspectionOpened);
                var published = stream.FirstOrDefault(e => e.Data is InspectionPublished);
                return new Milestones(EventMetadata.OccurredAt(opened), opened.Timestamp,
                    published is null ? null : EventMetadata.OccurredAt(published), published?.Timestamp);
            });
    }
}
