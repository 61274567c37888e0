using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Reading;

namespace CaseLedger.Api.Scores;

/// <summary>
/// Scores as the ledger stands, and who may see them (<see cref="Reach"/>): the scores document caught up with
/// every event the daemon has not applied yet, so the reach decision and the figures both come from the ledger's
/// latest facts, never from a view that lags it.
/// </summary>
public static class ScoresAccess
{
    public static Sight SightOf(this Actor actor, InspectionScores scores) =>
        Reach.Of(actor, scores.State == InspectionStates.Published, scores.Team.Contains(actor.UserId));

    /// <summary>The inspection's scores caught up with its ledger, or a 404 when it is unknown or out of reach.</summary>
    public static async Task<(InspectionScores? Scores, Sight Sight, Rejection? Rejection)> LoadAsync(
        Guid id, Actor actor, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var scores = await CaughtUp.ScoresAsync(id, session, schemes, cancellation);
        var sight = scores is null ? Sight.None : actor.SightOf(scores);
        return sight == Sight.None ? (null, sight, InspectionRules.NotFound(id)) : (scores, sight, null);
    }
}
