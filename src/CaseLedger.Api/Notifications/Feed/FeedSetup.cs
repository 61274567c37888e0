using JasperFx.Events.Projections;

namespace CaseLedger.Api.Notifications.Feed;

public static class FeedSetup
{
    /// <summary>
    /// The change feed: its table beside Marten's, the projection that fills it, and the listener that wakes waiting
    /// requests. Like the sealer, the projection is not one of the views (<see cref="Admin.ProjectionStatus.Names"/>):
    /// the rebuild endpoint never touches the feed, because a cursor must name the same entry for ever. It runs
    /// whether sealing is on or off; the feed is no part of the ledger's proof.
    /// </summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services)
    {
        services.AddSingleton<FeedSignal>();
        services.AddHostedService<FeedListener>();
        services.ConfigureMarten(options =>
        {
            FeedTable.AddTo(options);
            options.Projections.Add(new FeedProjection(), ProjectionLifecycle.Async, FeedProjection.Name);
        });
        return services;
    }
}
