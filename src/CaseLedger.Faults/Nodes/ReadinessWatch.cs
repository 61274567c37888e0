using System.Collections.Concurrent;
using System.Diagnostics;

namespace CaseLedger.Faults.Nodes;

/// <summary>Asks every node that is up for <c>/health/ready</c> four times a second, as a load balancer would,
/// and keeps each answer (null when none came) on the run's clock.</summary>
public sealed class ReadinessWatch(IReadOnlyList<ApiNode> nodes, Func<TimeSpan> clock)
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentBag<Sample> samples = [];

    public sealed record Sample(string Node, int? Status, TimeSpan At);

    public IReadOnlyCollection<Sample> Samples => samples;

    public async Task RunAsync(CancellationToken cancellation)
    {
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                await Task.WhenAll(nodes.Where(n => n.Up).Select(node => AskAsync(node, cancellation)));
                var rest = Every - Stopwatch.GetElapsedTime(started);
                if (rest > TimeSpan.Zero) await Task.Delay(rest, cancellation);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task AskAsync(ApiNode node, CancellationToken cancellation)
    {
        int? status;
        try
        {
            using var answer = await node.Http.GetAsync("/health/ready", cancellation);
            status = (int)answer.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException
                                   || (e is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            status = null;
        }
        // A node the run killed while the question was out is not a survivor that failed to answer.
        if (node.Up) samples.Add(new Sample(node.Name, status, clock()));
    }
}
