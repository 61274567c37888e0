using CaseLedger.Api.Inspections;

namespace CaseLedger.Api.Scores;

/// <summary>
/// One inspection's scores as its ledger stands: its counts, the sample profile, and checkpoints of the counts
/// along the way so that scores at any earlier point are a checkpoint plus at most a few hundred events, never a
/// replay of the whole stream.
/// Kept by <see cref="InspectionScoresProjection"/>; YOT and theme views are composed from these documents.
/// </summary>
public sealed class InspectionScores : CountedView
{
    public YotReference Yot { get; set; } = new("", "", "");
    public string Title { get; set; } = "";
    public List<string> Team { get; set; } = [];
    public string State { get; set; } = InspectionStates.Open;
    public DateOnly? FieldworkStartsOn { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public long? PublishedVersion { get; set; }
    public SampleProfile Profile { get; set; } = new();
    public List<ScoreCheckpoint> Checkpoints { get; set; } = [];
    public Dictionary<int, long> WeekClosedAtVersion { get; set; } = [];
    public DateTimeOffset LastEventAt { get; set; }
}

/// <summary>The counts right after the event at <see cref="Version"/> (written at <see cref="At"/>).</summary>
public sealed record ScoreCheckpoint(long Version, DateTimeOffset At, int[] Counts);
