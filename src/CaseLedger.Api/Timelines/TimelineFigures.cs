using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scores;

namespace CaseLedger.Api.Timelines;

/// <summary>
/// An inspection as it stood right after one of its events, read from its score view caught up with the ledger, and
/// the latest valid and recorded times of every event up to it where the score view's checkpoints say (always for a
/// publication, which makes a checkpoint). Remembers each inspection's scores across the events of one batch.
/// </summary>
public sealed class TimelineFigures(IQuerySession session, ScoringSchemes schemes)
{
    private readonly Dictionary<Guid, InspectionScores> scores = [];
    private readonly Dictionary<Guid, (InspectionAtMoment, ScoreCheckpoint?)> after = [];

    /// <summary>Reads the scores of every inspection <paramref name="events"/> publish or correct, in one batch: a
    /// rebuild meets every publication of the ledger, and one round trip each would be most of its time.</summary>
    public async Task PrepareAsync(IEnumerable<IEvent> events, CancellationToken cancellation)
    {
        var wanted = events.Where(e => e.Data is InspectionPublished or PublishedJudgementCorrected)
            .GroupBy(e => e.StreamId).Where(stream => !scores.TryGetValue(stream.Key, out var known) || known.Version < stream.Max(e => e.Version))
            .Select(stream => stream.Key).ToList();
        foreach (var inspection in await CaughtUp.ScoresAsync(wanted, session, schemes, cancellation))
            scores[inspection.Id] = inspection;
    }

    public async Task<(InspectionAtMoment Then, ScoreCheckpoint? Covers)> AfterAsync(IEvent e, CancellationToken cancellation)
    {
        if (after.TryGetValue(e.Id, out var known)) return known;
        if (!scores.TryGetValue(e.StreamId, out var inspection) || inspection.Version < e.Version)
            scores[e.StreamId] = inspection = await CaughtUp.ScoresAsync(e.StreamId, session, schemes, cancellation)
                ?? throw new InvalidOperationException($"Inspection {e.StreamId} has a {e.EventTypeName} but no opening.");
        var then = await InspectionAtMoment.AtVersionAsync(inspection, e.Version, session, schemes, cancellation);
        return after[e.Id] = (then, inspection.Checkpoints.FirstOrDefault(checkpoint => checkpoint.Version == e.Version));
    }
}
