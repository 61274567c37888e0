using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Scores;

/// <summary>
/// One inspection's scoreboard and state, now or at a moment, for the views that span inspections. Now is the
/// view document as the daemon keeps it. A past moment costs nothing for an inspection whose last event came
/// before it (its final counts) or that began after it (left out); only an inspection in progress at that moment
/// replays, from its nearest checkpoint. Few inspections are in fieldwork at any one moment, which keeps a
/// national view at a moment about as cheap as the live one.
/// </summary>
public sealed record InspectionAtMoment(InspectionScores Inspection, string State, Scoreboard Scoreboard)
{
    /// <summary>Null when the caller may not see the inspection at that moment: out of reach, not begun yet, or
    /// (for a caller who sees only the published record) not published by then.</summary>
    public static async Task<InspectionAtMoment?> ReadAsync(
        InspectionScores scores, Sight sight, DateTimeOffset? at, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        if (sight == Sight.None || (sight == Sight.Published && StateAt(scores, at) != InspectionStates.Published)) return null;
        var scheme = schemes.For(scores.FrameworkId, scores.FrameworkVersion);
        if (at is not { } moment || scores.LastEventAt <= moment)
            return new InspectionAtMoment(scores, StateAt(scores, at), ScoreTally.FromCounts(scheme, scores.Counts).Scoreboard());
        if (scores.OpenedAt > moment) return null;

        var reader = new PointReader(session, schemes);
        var (point, _) = await reader.ResolveAsync(scores, scores.Version, new PointInTime.Timestamp(moment.ToString("O"), moment), cancellation);
        var tally = await reader.TallyAtAsync(scores, point!.Version, cancellation);
        return new InspectionAtMoment(scores, StateAt(scores, at), tally.Scoreboard());
    }

    private static string StateAt(InspectionScores scores, DateTimeOffset? at) =>
        scores.PublishedAt is { } published && (at is null || published <= at) ? InspectionStates.Published : InspectionStates.Open;
}
