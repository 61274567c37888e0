using CaseLedger.Api.Notifications.Deliveries;
using CaseLedger.Api.Notifications.Subscriptions;
using CaseLedger.Bench.Stats;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// What ten subscriptions cost the write path, apart from the work of delivering: the API is restarted with
/// deliveries held (<c>Webhooks__Hold</c>), so a correction's time is its own (it enrols a delivery per
/// subscription in its transaction) and not that of deliveries draining on the same two cores. Blocks with no
/// subscription and blocks with ten alternate, after a warm-up, so neither side has the cold start or the later
/// minutes to itself. Each ten-subscription block checks that every correction enrolled its ten deliveries (held,
/// they are all still in the delivery log).
/// </summary>
public static class WebhookWriteCost
{
    public const int Subscriptions = 10;
    public const int Blocks = 4;
    /// <summary>Untimed writes before the timed ones, here and before the delivery measure's notices.</summary>
    public const int Warm = 30;

    public sealed record Result(Latencies NoneCorrections, Latencies TenCorrections, Latencies NoneJudgements, Latencies TenJudgements, int Enrolled, bool Held);

    public static int WritesNeeded(int writes) => Warm + 2 * Blocks * PerBlock(writes);

    // At least one write a block, so a run with fewer samples than blocks (the smoke test's) still times each way.
    private static int PerBlock(int writes) => Math.Max(1, writes / Blocks);

    public static async Task<Result> MeasureAsync(
        BenchContext context, Uri receiver, IReadOnlyList<PreparedRequest> corrections, IReadOnlyList<PreparedRequest> records,
        int writes, int correctionsPerSecond, int judgementsPerSecond, CancellationToken cancellation)
    {
        var api = context.Api;
        // An API the bench did not start (the smoke test's host) cannot be restarted: there deliveries run beside.
        var launcher = context.Launcher;
        if (launcher is not null) await launcher.RestartAsync(sealing: true, cancellation, new Dictionary<string, string> { ["Webhooks__Hold"] = "true" });
        var result = new Result(new(), new(), new(), new(), 0, launcher is not null);
        var enrolled = 0;
        try
        {
            await api.SendInOrderAsync([.. corrections.Take(Warm), .. records.Take(Warm)], cancellation);
            var block = PerBlock(writes);
            for (var b = 0; b < Blocks; b++)
            {
                var at = Warm + 2 * b * block;
                await PacedAsync(api, corrections.Skip(at).Take(block), correctionsPerSecond, result.NoneCorrections, cancellation);
                await PacedAsync(api, records.Skip(at).Take(block), judgementsPerSecond, result.NoneJudgements, cancellation);

                var subscriptions = new List<Guid>();
                try
                {
                    for (var i = 0; i < Subscriptions; i++)
                        subscriptions.Add((await api.ReadAsync<SubscriptionView>(
                            api.Subscribe(WebhookLatency.Client, new Uri(receiver, $"/held/{i}"), null), cancellation)).Id);
                    await PacedAsync(api, corrections.Skip(at + block).Take(block), correctionsPerSecond, result.TenCorrections, cancellation);
                    await PacedAsync(api, records.Skip(at + block).Take(block), judgementsPerSecond, result.TenJudgements, cancellation);
                    foreach (var id in subscriptions.Where(_ => result.Held))
                    {
                        var log = await api.ReadAsync<DeliveryLog>(api.Get($"/subscriptions/{id}/deliveries?limit=1000", WebhookLatency.Client, Roles.ReportingClient), cancellation);
                        if (log.Deliveries.Count != block)
                            throw new BenchFailure($"Subscription {id} has {log.Deliveries.Count} deliveries for the {block} corrections made while it existed.");
                        enrolled += log.Deliveries.Count;
                    }
                }
                finally
                {
                    foreach (var id in subscriptions) await api.SendAsync(api.Unsubscribe(WebhookLatency.Client, id), CancellationToken.None);
                }
            }
        }
        finally
        {
            // Later measures, and later runs, see the API as the bench left it: sealing, delivering.
            if (launcher is not null) await launcher.RestartAsync(sealing: true, CancellationToken.None);
        }
        return result with { Enrolled = enrolled };
    }

    private static async Task PacedAsync(ApiClient api, IEnumerable<PreparedRequest> requests, int perSecond, Latencies into, CancellationToken cancellation)
    {
        var list = requests.ToList();
        await SteadyRate.RunAsync(list.Count, 1, perSecond, null, (i, ct) => into.TimeAsync(() => api.SendAsync(list[i], ct)), cancellation);
    }
}
