namespace CaseLedger.Bench;

/// <summary>What one scale's run does. Defaults fit the default run (two scales, under ten minutes on two cores).</summary>
public sealed record BenchOptions
{
    public long Events { get; init; } = 500_000;
    public int Seed { get; init; } = 2012;

    /// <summary>Inspections loaded at once. Two keeps both cores busy without queueing writers behind each other.</summary>
    public int Parallel { get; init; } = 2;

    /// <summary>Inspections planned, loaded and copied together, so memory stays bounded at any scale.</summary>
    public int RoundSize { get; init; } = 16;

    public int BatchSize { get; init; } = 5000;

    /// <summary>Concurrent clients for the single-judgement measures.</summary>
    public int Clients { get; init; } = 8;

    /// <summary>Clients writing at once to inspections of their own (measure 11), and the judgements they send in all.</summary>
    public int SpreadClients { get; init; } = 16;

    public int SpreadRequests { get; init; } = 1600;

    /// <summary>Single judgements each concurrent run sends, shared among the clients.</summary>
    public int SingleRequests { get; init; } = 800;

    /// <summary>Timed samples for the 10th and the 10,000th judgement, and for each history and reliability read.</summary>
    public int Samples { get; init; } = 100;

    /// <summary>The judgement whose cost is compared with the 10th's.</summary>
    public int DeepJudgement { get; init; } = 10_000;

    /// <summary>How long writes are sustained while view lag is measured.</summary>
    public TimeSpan LagDuration { get; init; } = TimeSpan.FromSeconds(10);

    public string RawSchema { get; init; } = "bench_raw";
}
