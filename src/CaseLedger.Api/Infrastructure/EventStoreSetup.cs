using JasperFx;
using JasperFx.Events.Daemon;
using Npgsql;
using Weasel.Core;
using Wolverine.Marten;

namespace CaseLedger.Api.Infrastructure;

public static class EventStoreSetup
{
    public const string Schema = "caseledger";

    /// <summary>
    /// Marten over PostgreSQL: the event store and every document. Features add their own events, documents and
    /// projections with <c>services.ConfigureMarten(...)</c> beside their code.
    /// </summary>
    public static WebApplicationBuilder AddEventStore(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("CaseLedger");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "No database configured: set ConnectionStrings__CaseLedger (ops/run and ops/test do this for you).");

        var distribution = builder.Configuration.GetValue("CaseLedger:Projections:Distribution", ProjectionDistribution.Solo);
        // Registered before Marten and Wolverine, so they run before any daemon or agent starts (see each).
        builder.Services.AddHostedService(_ => new Admin.CompositeUpgrade(connectionString));
        builder.Services.AddHostedService(_ => new Admin.ThemeEntriesUpgrade(connectionString));

        var marten = builder.Services.AddMarten(options =>
            {
                options.Connection(PooledForMarten(connectionString));
                options.DatabaseSchemaName = Schema;
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                // Many inspectors append to one inspection's stream at once. Rich appends assign versions in the
                // session and fail when two sessions race; Quick appends take the next version inside the database,
                // so concurrent writers to different judgements serialise briefly instead of conflicting
                // (measured: BatchAndConcurrencyTests lost 143 of 150 concurrent records to conflicts under Rich).
                options.Events.AppendMode = EventAppendMode.Quick;
                // Auditors need who, why and in which request for every event.
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.HeadersEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Serializer(new BufferedRowSerializer(new Marten.Services.SystemTextJsonSerializer { EnumStorage = EnumStorage.AsString, Casing = Casing.CamelCase }));
                // Under HotCold a survivor takes over a dead node's shards when it next tries for their locks.
                var health = NodeHealth.From(builder.Configuration);
                options.Projections.LeadershipPollingTime = (int)health.Heartbeat.TotalMilliseconds;
                options.Projections.HealthCheckPollingTime = health.Heartbeat;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(integration =>
                integration.UseWolverineManagedEventSubscriptionDistribution =
                    distribution == ProjectionDistribution.Wolverine);

        // Solo: this node runs every async projection. HotCold: every node runs a daemon, and Marten's advisory locks
        // (Patched.DistributedLock.Postgres) let one node at a time run each shard. Wolverine: Wolverine's leader
        // assigns each projection to a node and moves it when a node dies. ops/faults measures the last two.
        if (distribution != ProjectionDistribution.Wolverine)
            marten.AddAsyncDaemon(distribution == ProjectionDistribution.HotCold ? DaemonMode.HotCold : DaemonMode.Solo);

        return builder;
    }

    /// <summary>
    /// Marten's connections go back to the pool as they are, without Npgsql's <c>DISCARD ALL</c>, and keep the
    /// statements they run often prepared. The reset threw away each connection's cached plans, so every write planned
    /// again the statements inside Marten's append function and the write guard: profiled with
    /// <c>pg_stat_statements</c> over 32,000 writes from sixteen clients at 20,000 events, the append took 0.40 ms a
    /// call with the reset and 0.14 without, PostgreSQL's time for the writes fell from 27.5 s to 15.8 s, and the
    /// writes went from 1,152 to 1,434 a second; preparing the statements used three times or more took another 13%
    /// off PostgreSQL's time (1,081 to 1,446 a second in a noisier hour). Nothing of a session outlives its
    /// transaction here: the app's advisory locks are transaction-scoped, and Marten's and Wolverine's session locks
    /// are released explicitly (Weasel's and DistributedLock's <c>pg_advisory_unlock</c>). Listeners open their own
    /// connections from the configured string, which still resets.
    /// </summary>
    public static string PooledForMarten(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true, MaxAutoPrepare = 64, AutoPrepareMinUsages = 3 }.ConnectionString;
}

/// <summary>How async projections are run: by this node alone, by whichever node holds each shard's lock, or
/// spread by Wolverine across every node.</summary>
public enum ProjectionDistribution
{
    Solo,
    HotCold,
    Wolverine,
}
