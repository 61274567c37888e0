using System.Collections.Concurrent;
using System.Diagnostics;
using CaseLedger.Faults.Nodes;

namespace CaseLedger.Faults.Load;

/// <summary>
/// Sends a plan's writes as its clients would through a fault: each client paces its own writes, and a write that
/// got no answer, or a 5xx, is sent again, the same request to the next node, until it is answered or its time is
/// up. A write is acknowledged when the API answered 2xx; a 4xx is final. Every answer is kept for the tally.
/// </summary>
public sealed class LoadRunner(NodePool nodes, TimeSpan interval, TimeSpan giveUpAfter)
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentBag<WriteOutcome> outcomes = [];
    private readonly ConcurrentBag<Answer> answers = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>Time since the load began, the clock every moment in a run is measured on.</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    public IReadOnlyCollection<WriteOutcome> Outcomes => outcomes;

    public IReadOnlyCollection<Answer> Answers => answers;

    public int Acknowledged => outcomes.Count(o => o.Acknowledged);

    public async Task RunAsync(LoadPlan plan, CancellationToken cancellation)
    {
        var clients = plan.Clients.Select((writes, n) => ClientAsync(writes, interval * plan.Clients.Count, n, cancellation));
        await Task.WhenAll(clients);
    }

    private async Task ClientAsync(IReadOnlyList<PlannedWrite> writes, TimeSpan pace, int client, CancellationToken cancellation)
    {
        // Clients start staggered, so their writes are spread over the interval rather than sent in bursts.
        await Task.Delay(interval * client, cancellation);
        var acknowledged = new HashSet<int>();
        var next = clock.Elapsed;
        foreach (var write in writes)
        {
            next += pace;
            if (next > clock.Elapsed) await Task.Delay(next - clock.Elapsed, cancellation);
            if (write.After is { } after && !acknowledged.Contains(after))
            {
                outcomes.Add(new WriteOutcome(write, false, null, clock.Elapsed, Skipped: true));
                continue;
            }
            var outcome = await SendAsync(write, client, cancellation);
            if (outcome.Acknowledged) acknowledged.Add(write.Index);
            outcomes.Add(outcome);
        }
    }

    private async Task<WriteOutcome> SendAsync(PlannedWrite write, int client, CancellationToken cancellation)
    {
        var began = clock.Elapsed;
        var attempt = 0;
        while (clock.Elapsed - began < giveUpAfter)
        {
            var node = nodes.Pick(client + attempt++);
            var answer = await node.TrySendAsync(write.Request, clock, cancellation);
            answers.Add(answer);
            if (answer.Status is >= 200 and < 300) return new WriteOutcome(write, true, answer.Status, clock.Elapsed, Attempts: attempt);
            if (answer.Status is >= 400 and < 500) return new WriteOutcome(write, false, answer.Status, clock.Elapsed, Attempts: attempt);
            await Task.Delay(RetryPause, cancellation);
        }
        return new WriteOutcome(write, false, null, clock.Elapsed, Attempts: attempt);
    }
}

/// <summary>What became of one planned write: acknowledged, refused (a 4xx), unanswered in time, or not sent
/// because the write it changes was never acknowledged.</summary>
public sealed record WriteOutcome(PlannedWrite Write, bool Acknowledged, int? FinalStatus, TimeSpan At, int Attempts = 0, bool Skipped = false);

/// <summary>One HTTP attempt: its status (null when no answer came), whether a 5xx was problem details, and when
/// it was answered on the run's clock.</summary>
public sealed record Answer(string Node, int? Status, bool ProblemDetails, TimeSpan At, string? Failure);
