using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace CaseLedger.Tests;

/// <summary>
/// Every log event the shared host writes, as its Serilog pipeline (enrichers included) leaves it. Tests find
/// their own events by the correlation id they sent, so the shared host needs no reset.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();
    private readonly SemaphoreSlim emitted = new(0);

    public void Emit(LogEvent logEvent)
    {
        events.Enqueue(logEvent);
        emitted.Release();
    }

    /// <summary>
    /// The request's event that matches. The request log is written as the pipeline unwinds, which can be just
    /// after the test server has handed the response back, so this waits for it (up to a few seconds).
    /// </summary>
    public async Task<LogEvent> For(string correlationId, Func<LogEvent, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var found = events.FirstOrDefault(e => HasCorrelationId(e, correlationId) && match(e));
            if (found is not null) return found;
            try { await emitted.WaitAsync(timeout.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"No matching log event for {correlationId}."); }
        }
    }

    /// <summary>Every event so far from the source context named.</summary>
    public IReadOnlyList<LogEvent> From(string sourceContext) =>
        [.. events.Where(e => e.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string found } && found == sourceContext)];

    private static bool HasCorrelationId(LogEvent e, string id) =>
        e.Properties.TryGetValue("CorrelationId", out var value) && value is ScalarValue { Value: string found } && found == id;
}
