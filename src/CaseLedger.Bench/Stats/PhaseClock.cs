using System.Diagnostics;

namespace CaseLedger.Bench.Stats;

/// <summary>Wall-clock time spent in the timed phases of a measure, summed across phases.</summary>
public sealed class PhaseClock
{
    public TimeSpan Elapsed { get; private set; }

    public async Task TimeAsync(Func<Task> phase)
    {
        var started = Stopwatch.GetTimestamp();
        await phase();
        Elapsed += Stopwatch.GetElapsedTime(started);
    }

    public double PerSecond(long count) => Elapsed > TimeSpan.Zero ? count / Elapsed.TotalSeconds : throw new InvalidOperationException("Nothing was timed.");
}
