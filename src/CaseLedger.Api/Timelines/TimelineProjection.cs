using CaseLedger.Api.Inspections;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Scores;
using JasperFx.Events.Grouping;
using Marten.Events.Projections;

namespace CaseLedger.Api.Timelines;

/// <summary>
/// Keeps a <see cref="Timeline{TFigures}"/> per key (a YOT, a framework's theme) from the three events that change
/// what a view across inspections shows: an opening, a publication, and a correction after it. The figures of a
/// publication or correction come from the inspection's score view as it stood right after that event (the one
/// fold that counts judgements), added to the event in <see cref="EnrichEventsAsync"/> so that <see cref="Evolve"/>
/// stays a pure fold. The daemon reads only these three event types, so a rebuild reads a few events per
/// inspection, not the ledger.
/// </summary>
public abstract class TimelineProjection<TTimeline, TFigures> : MultiStreamProjection<TTimeline, string>
    where TTimeline : Timeline<TFigures>, new()
{
    protected TimelineProjection(ScoringSchemes schemes, string name)
    {
        Schemes = schemes;
        Name = name;
        IncludeType<InspectionOpened>();
        IncludeType<InspectionPublished>();
        IncludeType<PublishedJudgementCorrected>();
        CustomGrouping(GroupAsync);
    }

    protected ScoringSchemes Schemes { get; }

    /// <summary>The timelines an inspection of this framework and YOT belongs to.</summary>
    public abstract IEnumerable<string> KeysOf(Guid inspectionId, string frameworkId, YotReference yot);

    /// <summary>What a timeline keeps of the inspection as it stood right after a publication or correction.</summary>
    protected abstract TFigures FiguresOf(string key, InspectionAtMoment then);

    /// <summary>A publication or correction with the figures it left, in place of the bare event.</summary>
    public sealed record Figured(Guid InspectionId, TimelinePoint<TFigures> Point, bool IsPublication);

    public override TTimeline? Evolve(TTimeline? timeline, string id, IEvent e)
    {
        timeline ??= new TTimeline { Id = id };
        switch (e.Data)
        {
            case InspectionOpened opened when timeline.Find(opened.InspectionId) is null:
                timeline.Inspections.Add(new TimelineInspection<TFigures>
                {
                    Id = opened.InspectionId,
                    FrameworkId = opened.FrameworkId,
                    FrameworkVersion = opened.FrameworkVersion,
                    Title = opened.Title,
                    Yot = opened.Yot,
                    Team = [.. opened.Team.Select(member => member.UserId)],
                    FieldworkStartsOn = opened.FieldworkWeeks.Count == 0 ? null : opened.FieldworkWeeks.Min(week => week.StartsOn),
                    OpenedAt = EventMetadata.OccurredAt(e),
                    OpenedRecordedAt = e.Timestamp,
                });
                break;
            case Figured figured when timeline.Find(figured.InspectionId) is { } inspection && inspection.Points.All(point => point.Version != figured.Point.Version):
                // A correction covers what the publication and every correction before it covered: after publication
                // the ledger takes corrections only.
                var point = figured.Point;
                if (!figured.IsPublication && inspection.Points.Count > 0)
                    point = point with
                    {
                        CoversOccurredTo = Later(point.CoversOccurredTo, inspection.Points[^1].CoversOccurredTo),
                        CoversRecordedTo = Later(point.CoversRecordedTo, inspection.Points[^1].CoversRecordedTo),
                    };
                if (figured.IsPublication || inspection.Points.Count > 0) inspection.Points.Add(point);
                break;
        }
        return timeline;
    }

    public override async Task EnrichEventsAsync(SliceGroup<TTimeline, string> group, IQuerySession querySession, CancellationToken cancellation)
    {
        var figures = new TimelineFigures(querySession, Schemes);
        await figures.PrepareAsync(group.Slices.SelectMany(slice => slice.Events()).DistinctBy(e => e.Id), cancellation);
        foreach (var slice in group.Slices)
            foreach (var e in slice.Events().Where(e => e.Data is InspectionPublished or PublishedJudgementCorrected).ToList())
                slice.ReplaceEvent(e, await FigureAsync(slice.Id, e, figures, cancellation));
    }

    /// <summary>The publication or correction <paramref name="e"/> with the figures it left for timeline <paramref name="key"/>.</summary>
    public async Task<Figured> FigureAsync(string key, IEvent e, TimelineFigures figures, CancellationToken cancellation)
    {
        var (then, covers) = await figures.AfterAsync(e, cancellation);
        var occurredAt = EventMetadata.OccurredAt(e);
        // Without a checkpoint a publication cannot say what it covers, so it claims everything and every moment
        // reads it from the ledger; a correction covers itself and, in Evolve, what came before it.
        var publication = e.Data is InspectionPublished;
        var (coversOccurred, coversRecorded) = covers is not null ? (covers.LatestOccurredAt, covers.LatestRecordedAt)
            : publication ? (DateTimeOffset.MaxValue, DateTimeOffset.MaxValue) : (occurredAt, e.Timestamp);
        return new Figured(e.StreamId, new TimelinePoint<TFigures>(e.Version, occurredAt, e.Timestamp, coversOccurred, coversRecorded, FiguresOf(key, then)), publication);
    }

    /// <summary>The keys each event belongs to: an opening names its framework and YOT; a publication or
    /// correction is placed by its inspection's header, which is written with its events.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> PlaceAsync(
        IQuerySession session, IReadOnlyList<IEvent> events, CancellationToken cancellation = default)
    {
        var placed = events.Select(e => e.Data).OfType<InspectionOpened>().DistinctBy(opened => opened.InspectionId)
            .ToDictionary(opened => opened.InspectionId, opened => (IReadOnlyList<string>)[.. KeysOf(opened.InspectionId, opened.FrameworkId, opened.Yot)]);
        var unknown = events.Select(e => e.StreamId).Where(id => !placed.ContainsKey(id)).Distinct().ToArray();
        if (unknown.Length > 0)
            foreach (var header in await session.LoadManyAsync<InspectionHeader>(cancellation, unknown))
                placed[header.Id] = [.. KeysOf(header.Id, header.FrameworkId, header.Yot)];
        return placed;
    }

    private async Task GroupAsync(IQuerySession session, IReadOnlyList<IEvent> events, IEventGrouping<string> grouping)
    {
        var placed = await PlaceAsync(session, events);
        foreach (var e in events)
            foreach (var key in placed.GetValueOrDefault(e.StreamId) ?? [])
                grouping.AddEvent(key, e);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
