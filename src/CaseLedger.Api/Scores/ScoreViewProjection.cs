using CaseLedger.Api.Scoring;
using Marten.Events.Aggregation;

namespace CaseLedger.Api.Scores;

/// <summary>
/// What every per-inspection score view shares: the scoring schemes it counts with, its name in the daemon, and
/// how it fetches and writes. Its documents are a few kilobytes and each event touches one of them, so large pages
/// and deferred rebuild writes cost little memory and save most of the round trips (measured: a rebuild ran at
/// ~3,900 events/s with the defaults, flushing every document per small page).
/// </summary>
public abstract class ScoreViewProjection<TView> : SingleStreamProjection<TView, Guid> where TView : notnull
{
    protected ScoreViewProjection(ScoringSchemes schemes, string name)
    {
        Schemes = schemes;
        Name = name;
        Options.BatchSize = PageSize;
        Options.RebuildFlushThreshold = RebuildFlushThreshold;
        // Blue/green without a second table: a rebuild overwrites each document in place instead of deleting them
        // all first. Every read catches a document up from its own version with the events it has not applied, and a
        // document the rebuild has reached holds a true prefix of its stream (an opening starts it afresh), so a
        // reader meets the old whole document or a part-rebuilt true one, never an empty view. With the documents
        // deleted, every read during a rebuild replayed whole streams (4.9 s for a theme view at 500,000 events).
        Options.TeardownDataOnRebuild = false;
    }

    /// <summary>Events per page, and documents per flush in a rebuild; the composite that runs these views pages
    /// the events for them, so it takes the same sizes.</summary>
    public const int PageSize = 5_000, RebuildFlushThreshold = 2_000;

    protected ScoringSchemes Schemes { get; }

    /// <summary>A tally over one of a view's count arrays, in place, by the scheme of the view's framework.</summary>
    protected ScoreTally TallyOver(CountedView view, int[] counts) => ScoreTally.Over(Schemes.For(view.FrameworkId, view.FrameworkVersion), counts);
}
