using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Scores;

namespace CaseLedger.Api.Timelines;

/// <summary>What a timeline can say of one inspection at a moment (valid time, recorded time, both or neither).</summary>
public abstract record TimelineMoment<TFigures>
{
    /// <summary>Not there for this caller at that moment: out of reach, not begun, or not published by then.</summary>
    public sealed record Hidden : TimelineMoment<TFigures>;

    /// <summary>The published record as it stood then: the publication or a correction after it.</summary>
    public sealed record Published(TimelinePoint<TFigures> Point) : TimelineMoment<TFigures>;

    /// <summary>Only the ledger can say: the inspection was open then and the caller sees it whole, or the moment
    /// takes in some of what a point counts and not the rest (a valid time stated out of order).</summary>
    public sealed record FromLedger : TimelineMoment<TFigures>;

    public static TimelineMoment<TFigures> Of(TimelineInspection<TFigures> inspection, Sight sight, MomentQuery.Moment moment)
    {
        if (sight == Sight.None) return new Hidden();
        if (moment.At < inspection.OpenedAt || moment.RecordedAt < inspection.OpenedRecordedAt) return new Hidden();
        bool Takes(DateTimeOffset occurredAt, DateTimeOffset recordedAt) =>
            (moment.At is not { } at || occurredAt <= at) && (moment.RecordedAt is not { } recorded || recordedAt <= recorded);

        if (inspection.Publication is not { } publication || !Takes(publication.OccurredAt, publication.RecordedAt))
            return sight == Sight.Whole ? new FromLedger() : new Hidden();
        var points = inspection.Points;
        var last = points.FindLastIndex(point => Takes(point.CoversOccurredTo, point.CoversRecordedTo));
        if (last < 0 || points.Skip(last + 1).Any(point => Takes(point.OccurredAt, point.RecordedAt))) return new FromLedger();
        return new Published(points[last]);
    }
}
