using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scoring;
using CaseLedger.Api.Ledger;

namespace CaseLedger.Api.Scores;

/// <summary>
/// Reads an inspection's scores at any point: the last checkpoint of its <see cref="InspectionScores"/> that the
/// point wholly takes in, plus the events after it that the point takes. A point in valid or recorded time is not a
/// prefix of the stream (an event recorded on Thursday may have happened on Tuesday), so the events after the
/// checkpoint are filtered one by one; stretches between checkpoints that all happened after a valid-time point are
/// skipped unread. The async view may lag the ledger; reads never do, because they replay whatever the view has not
/// applied yet.
/// </summary>
public sealed class PointReader(IQuerySession session, ScoringSchemes schemes)
{
    /// <summary>Every refusal of a point says what a point may be, so the client can ask again in one step.</summary>
    public const string Accepted = "A point is " + PointInTime.Forms + "; recordedAt, if given, is a timestamp: the ledger as it stood then.";

    /// <summary>
    /// Resolves <paramref name="point"/> (null: now) and the recorded-time bound <paramref name="recordedAt"/>
    /// (null: none) together. Refusals name <paramref name="field"/> or <c>recordedAt</c>.
    /// </summary>
    public async Task<(ResolvedPoint? Point, Rejection? Rejection)> ResolveAsync(
        InspectionScores scores, long streamVersion, PointInTime? point, DateTimeOffset? recordedAt = null, string field = "at",
        CancellationToken cancellation = default)
    {
        var recordedField = "recordedAt";
        if (point is PointInTime.Recorded recordedPoint)
        {
            if (recordedAt is not null)
                return (null, Rejection.Invalid(field, $"{point.Text} and recordedAt both name a recorded moment; give one. {Accepted}"));
            (recordedAt, recordedField) = (recordedPoint.At, field);
        }
        var (resolved, rejection) = await ResolveValidAsync(scores, streamVersion, point, field, cancellation);
        if (rejection is not null || recordedAt is not { } recorded) return (resolved, rejection);

        if (recorded < scores.OpenedRecordedAt)
            return (null, Rejection.Invalid(recordedField, $"{Instants.Show(recorded)} is before the ledger recorded the inspection's opening ({Instants.Show(scores.OpenedRecordedAt)}). {Accepted}"));
        if (point is PointInTime.Published && scores.PublishedRecordedAt > recorded)
            return (null, Rejection.Conflict($"As the ledger stood at {Instants.Show(recorded)}, the inspection was not published yet, so 'published' names no point."));
        // A moment after everything the view holds was recorded cuts nothing off; only an earlier one asks the ledger.
        var version = recorded >= scores.LatestRecordedAt && streamVersion == scores.Version
            ? resolved!.Version
            : Math.Min(resolved!.Version, (await new LedgerEvents(session).LastAtOrBeforeAsync(scores.Id, recorded, cancellation))?.Version ?? 0);
        return (resolved with { Version = version, RecordedAt = recorded, RecordedBy = recorded }, null);
    }

    private async Task<(ResolvedPoint? Point, Rejection? Rejection)> ResolveValidAsync(
        InspectionScores scores, long streamVersion, PointInTime? point, string field, CancellationToken cancellation)
    {
        switch (point)
        {
            case null:
                return (new ResolvedPoint("now", streamVersion, null), null);
            case PointInTime.Recorded:
                return (new ResolvedPoint(point.Text, streamVersion, null), null);
            case PointInTime.Version { Number: var version }:
                return version > streamVersion
                    ? (null, Rejection.Invalid(field, $"{point.Text} is beyond the ledger, which holds {streamVersion} events. {Accepted}"))
                    : (await AtVersionAsync(scores, point.Text, version, cancellation), null);
            case PointInTime.Week { Number: var week }:
                if (scores.WeekClosedAtVersion.TryGetValue(week, out var closedAt))
                    return (await AtVersionAsync(scores, point.Text, closedAt, cancellation), null);
                var planned = await session.LoadAsync<InspectionHeader>(scores.Id, cancellation);
                if (planned?.PlannedWeeks.Any(w => w.Number == week) != true)
                    return (null, Rejection.Invalid(field, $"Week {week} is not one of this inspection's fieldwork weeks. {Accepted}"));
                if (planned.ClosedWeeks.Contains(week))
                    return (null, Rejection.Conflict("That week has closed but the score views have not caught up yet; retry in a moment."));
                return (await AtVersionAsync(scores, point.Text, streamVersion, cancellation), null);
            case PointInTime.Published:
                var header = await session.LoadAsync<InspectionHeader>(scores.Id, cancellation);
                if (header?.IsPublished != true)
                    return (null, Rejection.Conflict("The inspection is not published, so 'published' names no point yet."));
                return (await AtVersionAsync(scores, point.Text, scores.PublishedVersion ?? streamVersion, cancellation), null);
            case PointInTime.Timestamp { At: var at }:
                if (at < scores.OpenedAt)
                    return (null, Rejection.Invalid(field, $"{point.Text} is before the inspection began ({Instants.Show(scores.OpenedAt)}). {Accepted}"));
                return (new ResolvedPoint(point.Text, streamVersion, at) { ValidBy = at }, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(point));
        }
    }

    /// <summary>The counts of every scope with just the events <paramref name="point"/> takes in.</summary>
    public async Task<ScoreTally> TallyAtAsync(InspectionScores scores, ResolvedPoint point, CancellationToken cancellation)
    {
        var scheme = schemes.For(scores.FrameworkId, scores.FrameworkVersion);
        var start = StartOf(scores, point);
        var tally = start.Counts is null ? new ScoreTally(scheme) : ScoreTally.FromCounts(scheme, start.Counts);
        foreach (var e in await EventsAfterAsync(scores, point, start.Version, cancellation))
            if (point.Takes(e)) tally.Apply(e.Data);
        return tally;
    }

    /// <summary>The stream's versions that can hold an event <paramref name="to"/> takes in and <paramref name="from"/>
    /// does not: after the checkpoint from which <paramref name="from"/> starts (everything up to it is in
    /// <paramref name="from"/>), up to <paramref name="to"/>'s version.</summary>
    public static (long After, long To) Between(InspectionScores scores, ResolvedPoint from, ResolvedPoint to) =>
        (Math.Min(StartOf(scores, from).Version, to.Version), to.Version);

    /// <summary>The latest counts the point wholly takes in: the document itself, a checkpoint, or none (version 0).</summary>
    private static (long Version, int[]? Counts) StartOf(InspectionScores scores, ResolvedPoint point)
    {
        if (point.Version == 0) return (0, null);
        if (scores.Version <= point.Version && point.TakesTimes(scores.LatestOccurredAt, scores.LatestRecordedAt))
            return (scores.Version, scores.Counts);
        return scores.Checkpoints.LastOrDefault(c => c.Version <= point.Version && point.TakesTimes(c.LatestOccurredAt, c.LatestRecordedAt)) is { } checkpoint
            ? (checkpoint.Version, checkpoint.Counts)
            : (0, null);
    }

    /// <summary>
    /// The events after <paramref name="fromVersion"/> up to the point's version, leaving out the stretches between
    /// checkpoints whose every event happened after a valid-time point.
    /// </summary>
    private async Task<IReadOnlyList<IEvent>> EventsAfterAsync(
        InspectionScores scores, ResolvedPoint point, long fromVersion, CancellationToken cancellation)
    {
        if (fromVersion >= point.Version) return [];
        var ranges = new List<(long From, long To)>();
        var next = fromVersion + 1;
        if (point.ValidBy is { } validBy)
        {
            var previous = 0L;
            foreach (var checkpoint in scores.Checkpoints)
            {
                var (stretchFrom, stretchTo) = (previous + 1, checkpoint.Version);
                previous = checkpoint.Version;
                if (stretchTo < next) continue;
                if (stretchFrom > point.Version) break;
                if (checkpoint.EarliestOccurredAt <= validBy) continue;
                if (stretchFrom > next) ranges.Add((next, stretchFrom - 1));
                next = stretchTo + 1;
            }
        }
        if (next <= point.Version) ranges.Add((next, point.Version));
        return await new LedgerEvents(session).RangesAsync(scores.Id, ranges, cancellation);
    }

    private async Task<ResolvedPoint> AtVersionAsync(InspectionScores scores, string text, long version, CancellationToken cancellation)
    {
        var e = version == 0 ? null : await new LedgerEvents(session).AtVersionAsync(scores.Id, version, cancellation);
        return new ResolvedPoint(text, version, e is null ? null : EventMetadata.OccurredAt(e), e?.Timestamp);
    }
}
