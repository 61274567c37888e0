using System.Collections.Concurrent;

namespace CaseLedger.Faults.Scenarios;

/// <summary>What a scenario's fault did and when, on the load's clock: when it struck, when the recovery step was
/// taken (the server restarted, the standby promoted, the node started again), and what it saw on the way.</summary>
public sealed class Timeline
{
    private readonly ConcurrentQueue<string> notes = new();

    public TimeSpan? StruckAt { get; set; }

    public TimeSpan? RecoveredAt { get; set; }

    /// <summary>How long the views stood still after the node running them died (node scenarios only).</summary>
    public double? ViewFailover { get; set; }

    /// <summary>Whether a node's readiness may honestly fail now: the database itself was down or frozen.</summary>
    public bool DatabaseOut(TimeSpan at) => DatabaseFault && StruckAt is { } struck && at >= struck && (RecoveredAt is not { } back || at <= back + Grace);

    public bool DatabaseFault { get; init; }

    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public void Note(string note) => notes.Enqueue(note);

    public string Notes => string.Join("; ", notes);
}
