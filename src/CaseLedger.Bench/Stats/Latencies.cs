using System.Diagnostics;

namespace CaseLedger.Bench.Stats;

/// <summary>Request latencies of one timed phase, collected from any number of concurrent clients.</summary>
public sealed class Latencies
{
    private readonly List<double> milliseconds = [];
    private readonly Lock gate = new();

    public int Count
    {
        get { lock (gate) return milliseconds.Count; }
    }

    /// <summary>Times one call and keeps its latency.</summary>
    public async Task TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public void Add(double ms)
    {
        lock (gate) milliseconds.Add(ms);
    }

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    /// <summary>Nearest rank: the smallest latency at or below which this share of the requests fall.</summary>
    public double Percentile(double share)
    {
        lock (gate)
        {
            if (milliseconds.Count == 0) throw new InvalidOperationException("No latencies were recorded.");
            var sorted = milliseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(share * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }
}
