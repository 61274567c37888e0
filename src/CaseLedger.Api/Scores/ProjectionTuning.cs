using JasperFx.Events.Projections;

namespace CaseLedger.Api.Scores;

/// <summary>
/// How the score views' projections fetch and write. Their documents are a few kilobytes and each event touches
/// one of them, so large pages and deferred rebuild writes cost little memory and save most of the round trips
/// (measured: a rebuild ran at ~3,900 events/s with the defaults, flushing every document per small page).
/// </summary>
public static class ProjectionTuning
{
    public static void Apply(AsyncOptions options)
    {
        options.BatchSize = 5_000;
        options.RebuildFlushThreshold = 2_000;
    }
}
