namespace CaseLedger.Bench.Measures;

/// <summary>
/// The API's process, watched through /proc: its resident memory sampled every half second while the benchmark
/// runs, and the kernel's own high-water mark (VmHWM), which catches peaks between samples.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly int pid;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private readonly List<long> samplesKb = [];
    private readonly Lock gate = new();

    public ApiProcess(int pid)
    {
        this.pid = pid;
        StartRssKb = ReadKb("VmRSS") ?? throw new BenchFailure($"No process {pid} to watch (is the API running?).");
        sampling = SampleAsync(stop.Token);
    }

    /// <summary>Resident memory when the benchmark began: the API started, ready, and idle.</summary>
    public long StartRssKb { get; }

    public long MaxSampledRssKb
    {
        get { lock (gate) return samplesKb.Count == 0 ? StartRssKb : samplesKb.Max(); }
    }

    public int SampleCount
    {
        get { lock (gate) return samplesKb.Count; }
    }

    public long? PeakKb() => ReadKb("VmHWM");

    public long? CurrentKb() => ReadKb("VmRSS");

    private long? ReadKb(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task SampleAsync(CancellationToken cancellation)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellation))
                if (ReadKb("VmRSS") is { } rss)
                    lock (gate) samplesKb.Add(rss);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
