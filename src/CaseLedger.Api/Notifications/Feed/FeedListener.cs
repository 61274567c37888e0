using Npgsql;

namespace CaseLedger.Api.Notifications.Feed;

/// <summary>
/// The one connection per process that listens for <see cref="FeedProjection.Channel"/>. Notifications come from
/// PostgreSQL, not from this process, so a node's waiting requests wake whichever node's daemon wrote the feed.
/// A dropped connection is opened again; since a notification sent meanwhile went unheard, every waiter is woken
/// once it listens again and reads for itself. Requests never open a connection to wait: a thousand long polls
/// hold none.
/// </summary>
public sealed class FeedListener(IConfiguration configuration, FeedSignal signal, ILogger<FeedListener> logger) : BackgroundService
{
    public const string ApplicationName = "caseledger-feed-listener";

    /// <summary>How long the connection may sit quiet before it is asked whether it still works: a connection cut
    /// without a word (a failover, a firewall) otherwise waits for ever.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan[] Backoff = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("CaseLedger"))
        {
            ApplicationName = ApplicationName, Pooling = false, CommandTimeout = 10,
        }.ConnectionString;
        for (var failures = 0; !stopping.IsCancellationRequested;)
        {
            try
            {
                await ListenAsync(connectionString, () => failures = 0, stopping);
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The change feed's listener lost its connection; waiting feed requests wake at their deadline until it is back");
                try { await Task.Delay(Backoff[Math.Min(failures++, Backoff.Length - 1)], stopping); }
                catch (OperationCanceledException) { return; }
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(string connectionString, Action listening, CancellationToken stopping)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, notification) => signal.Grew(notification.Payload == FeedProjection.ForEveryone);
        await connection.OpenAsync(stopping);
        await using (var listen = new NpgsqlCommand($"listen {FeedProjection.Channel}", connection))
            await listen.ExecuteNonQueryAsync(stopping);
        listening();
        signal.WakeAll();
        logger.LogInformation("The change feed listens for new entries");
        while (true)
        {
            if (await connection.WaitAsync(Quiet, stopping)) continue;
            await using var ping = new NpgsqlCommand("select 1", connection);
            await ping.ExecuteScalarAsync(stopping);
        }
    }
}
