using CaseLedger.Api.History.Changes;
using CaseLedger.Api.Moderation;
using CaseLedger.Api.QualityAssurance;
using CaseLedger.Api.Scores;
using CaseLedger.Api.ThemeViews;
using CaseLedger.Api.YotViews;
using JasperFx.Events.Projections;

namespace CaseLedger.Api.Admin;

/// <summary>The asynchronous views and the daemon that keeps them: one place that knows every view, as the rebuild
/// and readiness do.</summary>
public static class ViewsConfiguration
{
    public static IServiceCollection AddViews(this IServiceCollection services)
    {
        services.AddSingleton<ScoringSchemes>();
        // One instance each: the daemon runs it, and reads fold what it has not applied yet with the same code.
        services.AddSingleton<YotTimelineProjection>();
        services.AddSingleton<ThemeTimelineProjection>();
        // One instance, so readiness can tell a stalled view from a busy one across checks.
        services.AddSingleton<ViewsMovingCheck>();
        services.AddSingleton<ViewRebuilder>();
        services.AddSingleton<RebuildProgress>();
        services.ConfigureMarten((provider, options) =>
        {
            var schemes = provider.GetRequiredService<ScoringSchemes>();
            // "Current within a second of a write": the daemon's default is to look for new events every second
            // when quiet (measured: every read lagged ~1 s behind a single writer). At 100/200 ms, the view lag
            // under 50 writes/s was 115 ms p50 and 207 ms p99, nearly all of it waiting for the next poll. Issue
            // 21's goal is a 100 ms p99, so the daemon looks every 25 ms while it finds events and every 50 ms
            // when quiet: some twenty cheap high-water queries a second on an idle node. Gaps left by rolled-back
            // transactions are skipped after 1 s rather than 3; Marten still never skips a gap that a transaction
            // still alive could fill, so no event is lost to this.
            options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(25);
            options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(50);
            options.Projections.StaleSequenceThreshold = TimeSpan.FromSeconds(1);
            // The three views of one inspection fold the same events, so they run as one composite: the daemon
            // reads and deserialises each event once for all three instead of once each, and a rebuild is one pass
            // over the events. Profiles of bulk recording and of a rebuild at 200,000 events put loading and
            // deserialising events at a quarter and two fifths of the API's time, three times over.
            options.Projections.CompositeProjectionFor(ProjectionStatus.PerInspection, views =>
            {
                // The composite pages the events for its members, so it takes their page sizes.
                views.Options.BatchSize = ScoreViewProjection<InspectionScores>.PageSize;
                views.Options.RebuildFlushThreshold = ScoreViewProjection<InspectionScores>.RebuildFlushThreshold;
                views.Add(new InspectionScoresProjection(schemes));
                views.Add(new ModerationLogProjection(schemes));
                views.Add(new QaRecordProjection(schemes));
            });
            options.Projections.Add(provider.GetRequiredService<YotTimelineProjection>(), ProjectionLifecycle.Async);
            options.Projections.Add(provider.GetRequiredService<ThemeTimelineProjection>(), ProjectionLifecycle.Async);
            // A projection of its own, not a member of the composite: history reads trust its rows up to its own
            // progress row, and a database that has never run it starts it from the first event whatever the
            // composite has reached (reads replay what it has not).
            JudgementChangeTable.AddTo(options);
            options.Projections.Add(new JudgementChangesProjection(), ProjectionLifecycle.Async, JudgementChangesProjection.ViewName,
                paging => paging.BatchSize = JudgementChangesProjection.PageSize);
            // What the theme view chooses each YOT's latest entry by, as columns: read out of each document's JSON
            // instead, the choice cost as much as reading every entry whole.
            options.Schema.For<ThemeTimeline>()
                .Duplicate(entry => entry.ThemeKey)
                .Duplicate(entry => entry.YotCode!)
                .Duplicate(entry => entry.FieldworkOn!)
                .Duplicate(entry => entry.OpenedAt!)
                .Duplicate(entry => entry.OpenedRecordedAt!)
                .Duplicate(entry => entry.PublishedAt!)
                .Duplicate(entry => entry.PublishedRecordedAt!);
            options.Schema.For<InspectionScores>()
                .Duplicate(scores => scores.FrameworkId)
                .Duplicate(scores => scores.Yot.Code);
        });
        return services;
    }
}
