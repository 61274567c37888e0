
namespace CaseLedger.Api.Admin;

/// <summary>How far each async view is behind the event store: its last applied event sequence against the
/// highest sequence the daemon may safely read (the high-water mark).</summary>
public sealed record ProjectionStatus(long HighWaterMark, long LastEventSequence, IReadOnlyList<ProjectionStatus.View> Views)
{
    public const string HighWaterMarkShard = "HighWaterMark";
    /// <summary>The daemon runs the views of one inspection together, as one composite projection of this name; each
    /// still keeps a progress row of its own.</summary>
    public const string PerInspection = "inspection-views";

    public static readonly IReadOnlyList<string> PerInspectionViews = ["inspection-scores", "moderation-log", QualityAssurance.QaRecordProjection.ViewName];

    /// <summary>Views that read nothing but the events: a rebuild runs each beside the others from the start, a
    /// pipeline of its own, where the views across inspections must wait for the scores they read.</summary>
    public static readonly IReadOnlyList<string> EventsOnlyViews = [History.Changes.JudgementChangesProjection.ViewName];

    /// <summary>The daemon's one shard of a projection (none of ours is sharded further): its agent and progress row.</summary>
    public static string ShardOf(string projection) => $"{projection}:All";

    /// <summary>Every view, the per-inspection ones first: the timelines read their scores when they fold a
    /// publication, so a rebuild of everything rebuilds those after these.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        .. PerInspectionViews, YotViews.YotTimelineProjection.ViewName, ThemeViews.ThemeTimelineProjection.ViewName,
        History.Changes.JudgementChangesProjection.ViewName,
    ];

    /// <summary>One view: the sequence it has reached, how far behind it is, and, while it is being rebuilt on this
    /// node, the rebuild's progress.</summary>
    public sealed record View(string Name, long Sequence, long Behind, Rebuilding? Rebuilding = null);

    public static Task<ProjectionStatus> ReadAsync(IDocumentStore store, CancellationToken cancellation, RebuildProgress? rebuilds = null) =>
        ReadAsync(store, Names, cancellation, rebuilds);

    /// <summary>The same for any async projections by name, views or not (the change feed, the sealer).</summary>
    public static async Task<ProjectionStatus> ReadAsync(
        IDocumentStore store, IReadOnlyList<string> names, CancellationToken cancellation, RebuildProgress? rebuilds = null)
    {
        var shards = await store.Advanced.AllProjectionProgress(token: cancellation);
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: cancellation);
        var highWaterMark = shards.FirstOrDefault(shard => shard.ShardName == HighWaterMarkShard)?.Sequence ?? statistics.EventSequenceNumber;
        return new ProjectionStatus(highWaterMark, statistics.EventSequenceNumber, [
            .. names.Select(name =>
            {
                var sequence = shards.Where(shard => shard.ShardName.StartsWith(name + ":", StringComparison.Ordinal)).Select(shard => shard.Sequence).DefaultIfEmpty(0).Min();
                return new View(name, sequence, Math.Max(0, statistics.EventSequenceNumber - sequence),
                    rebuilds?.Of(name, sequence, statistics.EventSequenceNumber));
            }),
        ]);
    }
}
