using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.Inspections;
using Marten;

namespace CaseLedger.Api.Scores;

/// <summary>
/// Who sees which inspection's scores: auditors all; inspectors and leads their own team's and every published
/// one; reporting clients published ones only. Anything else does not exist for the caller (404).
/// </summary>
public static class ScoresAccess
{
    public static bool CanSee(this Actor actor, InspectionScores scores) =>
        scores.State == InspectionStates.Published
        || actor.IsAuditor
        || (actor.Role is Roles.Inspector or Roles.LeadInspector && scores.Team.Contains(actor.UserId));

    /// <summary>The inspection's scores document, built from its header when the daemon has not reached it yet.</summary>
    public static async Task<(InspectionScores? Scores, long StreamVersion, Rejection? Rejection)> LoadAsync(
        Guid id, Actor actor, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var scores = await session.LoadAsync<InspectionScores>(id, cancellation);
        if (scores is null && await session.LoadAsync<InspectionHeader>(id, cancellation) is { } header)
            scores = new InspectionScores
            {
                Id = header.Id, FrameworkId = header.FrameworkId, FrameworkVersion = header.FrameworkVersion, Yot = header.Yot,
                Title = header.Title, State = header.State, Team = [.. header.Team.Select(member => member.UserId)],
                OpenedAt = header.OpenedAt, PublishedAt = header.PublishedAt,
                Counts = new Scoring.ScoreTally(schemes.For(header.FrameworkId, header.FrameworkVersion)).ToCounts(),
            };
        if (scores is null || !actor.CanSee(scores)) return (null, 0, InspectionRules.NotFound(id));
        var stream = await session.Events.FetchStreamStateAsync(id, cancellation);
        return (scores, stream?.Version ?? 0, null);
    }
}
