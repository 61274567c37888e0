using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scoring;
using CaseLedger.Api.Ledger;

namespace CaseLedger.Api.Scores;

/// <summary>
/// Reads an inspection's scores at any version: the nearest checkpoint of its <see cref="InspectionScores"/>
/// at or before that version, plus the few events after it. The async view may lag the ledger; reads never do,
/// because they replay whatever the view has not applied yet.
/// </summary>
public sealed class PointReader(IQuerySession session, ScoringSchemes schemes)
{
    /// <summary>Every refusal of a point says what a point may be, so the client can ask again in one step.</summary>
    public const string Accepted = "A point is " + PointInTime.Forms + ".";

    public async Task<(ResolvedPoint? Point, Rejection? Rejection)> ResolveAsync(
        InspectionScores scores, long streamVersion, PointInTime point, CancellationToken cancellation)
    {
        switch (point)
        {
            case PointInTime.Version { Number: var version }:
                return version > streamVersion
                    ? (null, Rejection.Invalid("at", $"{point.Text} is beyond the ledger, which holds {streamVersion} events. {Accepted}"))
                    : (new ResolvedPoint(point.Text, version, await TimeOfAsync(scores.Id, version, cancellation)), null);
            case PointInTime.Week { Number: var week }:
                if (scores.WeekClosedAtVersion.TryGetValue(week, out var closedAt))
                    return (new ResolvedPoint(point.Text, closedAt, await TimeOfAsync(scores.Id, closedAt, cancellation)), null);
                var planned = await session.LoadAsync<InspectionHeader>(scores.Id, cancellation);
                if (planned?.PlannedWeeks.Any(w => w.Number == week) != true)
                    return (null, Rejection.Invalid("at", $"Week {week} is not one of this inspection's fieldwork weeks. {Accepted}"));
                if (planned.ClosedWeeks.Contains(week))
                    return (null, Rejection.Conflict("That week has closed but the score views have not caught up yet; retry in a moment."));
                return (new ResolvedPoint(point.Text, streamVersion, await TimeOfAsync(scores.Id, streamVersion, cancellation)), null);
            case PointInTime.Published:
                var header = await session.LoadAsync<InspectionHeader>(scores.Id, cancellation);
                if (header?.IsPublished != true)
                    return (null, Rejection.Conflict("The inspection is not published, so 'published' names no point yet."));
                var publishedAt = scores.PublishedVersion ?? streamVersion;
                return (new ResolvedPoint(point.Text, publishedAt, await TimeOfAsync(scores.Id, publishedAt, cancellation)), null);
            case PointInTime.Timestamp { At: var at }:
                if (at < scores.OpenedAt)
                    return (null, Rejection.Invalid("at", $"{point.Text} is before the inspection began ({scores.OpenedAt:O}). {Accepted}"));
                var versionThen = await VersionAtAsync(scores.Id, at, cancellation);
                return (new ResolvedPoint(point.Text, versionThen, at), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(point));
        }
    }

    /// <summary>The counts of every scope right after the event at <paramref name="version"/>.</summary>
    public async Task<ScoreTally> TallyAtAsync(InspectionScores scores, long version, CancellationToken cancellation)
    {
        var scheme = schemes.For(scores.FrameworkId, scores.FrameworkVersion);
        var (from, counts) = scores.Version <= version
            ? (scores.Version, scores.Counts)
            : scores.Checkpoints.LastOrDefault(checkpoint => checkpoint.Version <= version) is { } checkpoint
                ? (checkpoint.Version, checkpoint.Counts)
                : (0L, new ScoreTally(scheme).ToCounts());
        var tally = ScoreTally.FromCounts(scheme, counts);
        if (from < version)
            foreach (var e in await new LedgerEvents(session).StreamAsync(scores.Id, from + 1, version, cancellation))
                tally.Apply(e.Data);
        return tally;
    }

    public Task<IReadOnlyList<IEvent>> EventsBetweenAsync(Guid inspectionId, long afterVersion, long toVersion, CancellationToken cancellation) =>
        new LedgerEvents(session).StreamAsync(inspectionId, afterVersion + 1, toVersion, cancellation);

    private async Task<long> VersionAtAsync(Guid inspectionId, DateTimeOffset at, CancellationToken cancellation) =>
        (await new LedgerEvents(session).LastAtOrBeforeAsync(inspectionId, at, cancellation))?.Version ?? 0;

    private async Task<DateTimeOffset?> TimeOfAsync(Guid inspectionId, long version, CancellationToken cancellation) =>
        (await new LedgerEvents(session).AtVersionAsync(inspectionId, version, cancellation))?.Timestamp;
}
