using System.Diagnostics;

namespace CaseLedger.Bench.Stats;

/// <summary>A timed run of prepared calls: each client sends its own calls one after another, all clients at once.</summary>
public sealed record ClientRun(Latencies Latencies, TimeSpan Elapsed)
{
    public double PerSecond => Latencies.Count / Elapsed.TotalSeconds;

    public static async Task<ClientRun> RunAsync(IReadOnlyList<IReadOnlyList<Func<CancellationToken, Task>>> clients, CancellationToken cancellation)
    {
        var latencies = new Latencies();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select(calls => Task.Run(async () =>
        {
            foreach (var call in calls) await latencies.TimeAsync(() => call(cancellation));
        }, cancellation)));
        return new ClientRun(latencies, Stopwatch.GetElapsedTime(started));
    }

    public static Task<ClientRun> SequentialAsync(IReadOnlyList<Func<CancellationToken, Task>> calls, CancellationToken cancellation) =>
        RunAsync([calls], cancellation);
}
