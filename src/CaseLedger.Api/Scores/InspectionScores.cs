using CaseLedger.Api.Inspections;

namespace CaseLedger.Api.Scores;

/// <summary>
/// One inspection's scores as its ledger stands: its counts, the sample profile, and checkpoints of the counts
/// along the way so that scores at any earlier point are a checkpoint plus at most a few hundred events, never a
/// replay of the whole stream. Each checkpoint knows the latest valid and recorded times it covers, so a point in
/// either time (DESIGN §11) starts from the last checkpoint wholly inside it.
/// Kept by <see cref="InspectionScoresProjection"/>. The YOT and theme views keep timelines of their own, and read these
/// documents only for an inspection open at the moment asked and for the YOT list.
/// </summary>
public sealed class InspectionScores : CountedView
{
    public YotReference Yot { get; set; } = new("", "", "");
    public string Title { get; set; } = "";
    public List<string> Team { get; set; } = [];
    public string State { get; set; } = InspectionStates.Open;
    public DateOnly? FieldworkStartsOn { get; set; }

    /// <summary>When the inspection opened, in valid time; <see cref="OpenedRecordedAt"/> when it was recorded.</summary>
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset OpenedRecordedAt { get; set; }

    /// <summary>When it was published, in valid time; <see cref="PublishedRecordedAt"/> when it was recorded.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? PublishedRecordedAt { get; set; }
    public long? PublishedVersion { get; set; }

    /// <summary>The counts as published, kept once corrections after publication move <see cref="CountedView.Counts"/>.</summary>
    public int[]? PublishedCounts { get; set; }
    public SampleProfile Profile { get; set; } = new();
    public List<ScoreCheckpoint> Checkpoints { get; set; } = [];
    public Dictionary<int, long> WeekClosedAtVersion { get; set; } = [];

    /// <summary>Every rating the lead recorded (evidence ratings and overrides), in ledger order.</summary>
    public List<RatingEntry> Ratings { get; set; } = [];

    /// <summary>Whether the point takes in the publication: the inspection is published as the point sees it.</summary>
    public bool IsPublishedAt(ResolvedPoint point) =>
        PublishedVersion is { } version && version <= point.Version && point.TakesTimes(PublishedAt!.Value, PublishedRecordedAt!.Value);

    /// <summary>The latest valid and recorded times of the events folded so far.</summary>
    public DateTimeOffset LatestOccurredAt { get; set; }
    public DateTimeOffset LatestRecordedAt { get; set; }

    /// <summary>The earliest valid time among the events since the last checkpoint: the next checkpoint's.</summary>
    public DateTimeOffset? PendingEarliestOccurredAt { get; set; }
}

/// <summary>
/// The counts right after the event at <see cref="Version"/>. <see cref="LatestOccurredAt"/> and
/// <see cref="LatestRecordedAt"/> are the latest times of all events up to it, so a point at or after both holds
/// them all; <see cref="EarliestOccurredAt"/> is the earliest valid time of the events since the checkpoint before,
/// so a valid-time point before it takes none of them, and a replay skips them unread.
/// </summary>
public sealed record ScoreCheckpoint(
    long Version, DateTimeOffset LatestOccurredAt, DateTimeOffset LatestRecordedAt, DateTimeOffset EarliestOccurredAt, int[] Counts);
