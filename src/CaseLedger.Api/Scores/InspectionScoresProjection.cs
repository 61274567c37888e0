using CaseLedger.Api.Ledger;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scoring;
using Marten.Events.Aggregation;

namespace CaseLedger.Api.Scores;

/// <summary>
/// Folds an inspection's ledger into its <see cref="InspectionScores"/>, one event at a time through the scoring
/// engine's incremental tally: a judgement event moves only the scopes its question counts in.
/// Async, in the daemon: a write commits without waiting for any view, and the daemon applies events in batches
/// (one load and one store per inspection per batch), which is what keeps recording cheap at 10,000 judgements.
/// Every value comes from the events (their versions, timestamps and stated valid times), never from the clock, so
/// a rebuild gives the same documents.
/// </summary>
public sealed class InspectionScoresProjection(ScoringSchemes schemes) : ScoreViewProjection<InspectionScores>(schemes, "inspection-scores")
{
    /// <summary>Events between checkpoints: the most a point-in-time read replays.</summary>
    public const int CheckpointInterval = 250;

    public override InspectionScores? Evolve(InspectionScores? scores, Guid id, IEvent e)
    {
        if (e.Data is InspectionOpened opened)
            scores = Open(opened, e);
        if (scores is null) return null;

        switch (e.Data)
        {
            case CaseAddedToSample added:
                scores.Profile.Count(added.Case, +1);
                break;
            case IJudgementChange change:
                TallyOver(scores, scores.Counts).Apply(change);
                break;
            case FieldworkWeekClosed closed:
                scores.WeekClosedAtVersion[closed.Number] = e.Version;
                break;
            case StandardRated or RatingOverridden:
                scores.Ratings.Add(RatingEntry.Of(e)!);
                break;
            case InspectionPublished:
                scores.State = InspectionStates.Published;
                scores.PublishedAt = EventMetadata.OccurredAt(e);
                scores.PublishedRecordedAt = e.Timestamp;
                scores.PublishedVersion = e.Version;
                scores.PublishedCounts = (int[])scores.Counts.Clone();
                break;
        }

        var occurredAt = EventMetadata.OccurredAt(e);
        scores.Version = e.Version;
        scores.LatestOccurredAt = Later(scores.LatestOccurredAt, occurredAt);
        scores.LatestRecordedAt = Later(scores.LatestRecordedAt, e.Timestamp);
        scores.PendingEarliestOccurredAt = scores.PendingEarliestOccurredAt is { } earliest && earliest <= occurredAt ? earliest : occurredAt;
        var last = scores.Checkpoints.Count == 0 ? 0 : scores.Checkpoints[^1].Version;
        if (e.Version - last >= CheckpointInterval || e.Data is FieldworkWeekClosed or InspectionPublished)
        {
            scores.Checkpoints.Add(new ScoreCheckpoint(e.Version, scores.LatestOccurredAt, scores.LatestRecordedAt,
                scores.PendingEarliestOccurredAt.Value, (int[])scores.Counts.Clone()));
            scores.PendingEarliestOccurredAt = null;
        }
        return scores;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private InspectionScores Open(InspectionOpened opened, IEvent e) => new()
    {
        Id = opened.InspectionId,
        FrameworkId = opened.FrameworkId,
        FrameworkVersion = opened.FrameworkVersion,
        Yot = opened.Yot,
        Title = opened.Title,
        Team = [.. opened.Team.Select(member => member.UserId)],
        FieldworkStartsOn = opened.FieldworkWeeks.Count == 0 ? null : opened.FieldworkWeeks.Min(week => week.StartsOn),
        OpenedAt = EventMetadata.OccurredAt(e),
        OpenedRecordedAt = e.Timestamp,
        Counts = new ScoreTally(Schemes.For(opened.FrameworkId, opened.FrameworkVersion)).ToCounts(),
    };
}
