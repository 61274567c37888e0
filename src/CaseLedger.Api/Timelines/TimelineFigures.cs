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
