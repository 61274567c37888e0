using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Scores;

namespace CaseLedger.Api.Timelines;

/// <summary>One inspection of a timeline as a caller sees it at a moment: its state then and the figures it showed.</summary>
public sealed record TimelineRead<TFigures>(TimelineInspection<TFigures> Inspection, string State, TFigures Figures)
{
    /// <summary>
    /// The inspections among <paramref name="inspections"/> the caller sees at the moment, in the order given. The
    /// published record comes from the timeline; what only the ledger can say (an inspection open then, which only its
    /// team and auditors see) is read from the inspections' score views, all in one batch.
    /// </summary>
    public static async Task<IReadOnlyList<TimelineRead<TFigures>>> SeenAsync(
        IEnumerable<TimelineInspection<TFigures>> inspections, Actor actor, MomentQuery.Moment moment, Func<InspectionAtMoment, TFigures> figuresOf,
        IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var seen = inspections.Select(inspection => (Inspection: inspection, Sight: inspection.SightFor(actor)))
            .Select(pair => (pair.Inspection, pair.Sight, Then: TimelineMoment<TFigures>.Of(pair.Inspection, pair.Sight, moment)))
            .Where(pair => pair.Then is not TimelineMoment<TFigures>.Hidden)
            .ToList();
        var fromLedger = seen.Where(pair => pair.Then is TimelineMoment<TFigures>.FromLedger).Select(pair => pair.Inspection.Id).ToList();
        var scores = (await CaughtUp.ScoresAsync(fromLedger, session, schemes, cancellation)).ToDictionary(inspection => inspection.Id);

        var reads = new List<TimelineRead<TFigures>>();
        foreach (var (inspection, sight, then) in seen)
        {
            if (then is TimelineMoment<TFigures>.Published published)
                reads.Add(new TimelineRead<TFigures>(inspection, InspectionStates.Published, published.Point.Figures));
            else if (scores.TryGetValue(inspection.Id, out var ledger)
                     && await InspectionAtMoment.ReadAsync(ledger, sight, moment, session, schemes, cancellation) is { } atMoment)
                reads.Add(new TimelineRead<TFigures>(inspection, atMoment.State, figuresOf(atMoment)));
        }
        return reads;
    }
}
