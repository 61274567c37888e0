using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Scores;

/// <summary>
/// One inspection's scoreboard, ratings and state, now or at a moment, for the views that span inspections. Now is the
/// view document as the daemon keeps it. A past moment costs little for an inspection whose events all lie before
/// it (its final counts) and nothing for one that began after it (left out); only an inspection in progress at that
/// moment replays, from its nearest checkpoint. Few inspections are in fieldwork at any one moment, which keeps a
/// national view at a moment about as cheap as the live one. A figure a correction after publication moved shows the
/// published one beside it.
/// </summary>
public sealed record InspectionAtMoment(InspectionScores Inspection, string State, Scoreboard Scoreboard, RatingBoard? Ratings)
{
    /// <summary>Null when the caller may not see the inspection at that moment: out of reach, not begun yet, or
    /// (for a caller who sees only the published record) not published by then.</summary>
    public static async Task<InspectionAtMoment?> ReadAsync(
        InspectionScores scores, Sight sight, MomentQuery.Moment moment, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        if (sight == Sight.None) return null;
        if (moment.At < scores.OpenedAt || moment.RecordedAt < scores.OpenedRecordedAt) return null;

        var reader = new PointReader(session, schemes);
        var asked = moment.At is { } at ? new PointInTime.Timestamp(Instants.Show(at), at) : null;
        var (point, _) = await reader.ResolveAsync(scores, scores.Version, asked, moment.RecordedAt, cancellation: cancellation);
        var state = scores.IsPublishedAt(point!) ? InspectionStates.Published : InspectionStates.Open;
        if (!sight.MaySee(point!, scores)) return null;
        return await AtAsync(scores, state, point!, reader, schemes, cancellation);
    }

    /// <summary>As it stood right after the event at <paramref name="version"/>: what the timelines of the views
    /// across inspections keep for a publication and each correction after it.</summary>
    public static Task<InspectionAtMoment> AtVersionAsync(
        InspectionScores scores, long version, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var point = new ResolvedPoint($"version:{version}", version, null);
        var state = scores.IsPublishedAt(point) ? InspectionStates.Published : InspectionStates.Open;
        return AtAsync(scores, state, point, new PointReader(session, schemes), schemes, cancellation);
    }

    private static async Task<InspectionAtMoment> AtAsync(
        InspectionScores scores, string state, ResolvedPoint point, PointReader reader, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var tally = await reader.TallyAtAsync(scores, point, cancellation);
        var board = Corrections.Mark(tally.Scoreboard(), scores, schemes, point);
        var (evidence, overrides) = RatingEntries.At(scores.Ratings, point);
        return new InspectionAtMoment(scores, state, board, Rater.Rate(schemes.Framework(scores.FrameworkId, scores.FrameworkVersion), board, evidence, overrides));
    }
}
