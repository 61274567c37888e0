using System.Diagnostics;

namespace CaseLedger.Bench.Stats;

/// <summary>Writes sent at a steady rate rather than as fast as they go: a latency under load is the latency at a
/// known load, and a queue that the rate outruns shows as lag instead of hiding in a slower sender.</summary>
public static class SteadyRate
{
    /// <summary>Sends writes 0 to <paramref name="count"/> − 1, dealt round-robin to <paramref name="clients"/>
    /// clients that tick together at <paramref name="perSecond"/>, until all are sent or <paramref name="duration"/> is up.</summary>
    public static async Task RunAsync(int count, int clients, double perSecond, TimeSpan? duration,
        Func<int, CancellationToken, Task> write, CancellationToken cancellation)
    {
        var stopAt = duration is { } limit ? Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var interval = TimeSpan.FromSeconds(clients / perSecond);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            for (var i = client; i < count && Stopwatch.GetTimestamp() < stopAt; i += clients)
            {
                await timer.WaitForNextTickAsync(cancellation);
                await write(i, cancellation);
            }
        }, cancellation)));
    }
}
