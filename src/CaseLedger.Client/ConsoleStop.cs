using System.Runtime.InteropServices;

namespace CaseLedger.Client;

/// <summary>
/// How the consoles that use this client stop: Ctrl-C, and any further signal named, cancels <see cref="Token"/>
/// instead of ending the process, so a run stops between requests and says so.
/// </summary>
public sealed class ConsoleStop : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly List<PosixSignalRegistration> signals;

    public ConsoleStop(params PosixSignal[] alsoOn)
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        signals = [.. alsoOn.Select(signal => PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        }))];
    }

    public CancellationToken Token => cancellation.Token;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        foreach (var signal in signals) signal.Dispose();
        cancellation.Dispose();
    }
}
