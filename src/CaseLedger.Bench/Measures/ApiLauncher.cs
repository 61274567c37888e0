using System.Diagnostics;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Runs the API the way ops/bench deploys it for a scale: the Release build in a process of its own, Development
/// (for the development tokens), Solo projections, on one loopback port, its output appended to one log. A measure
/// that must see the API with other settings (sealing off) restarts it here on the same port and database; ops/faults
/// gives settings of its own.
/// </summary>
public sealed class ApiLauncher(string directory, Uri address, string connection, string log, IReadOnlyDictionary<string, string>? settings = null)
    : IAsyncDisposable
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(180);
    private Process? running;

    public int Pid => running?.Id ?? throw new InvalidOperationException("The API is not running.");

    /// <summary>Starts the API and returns once it answers <c>/health/ready</c>.</summary>
    /// <exception cref="BenchFailure">It ended, or was not ready in time; the log's tail says why.</exception>
    public async Task StartAsync(bool sealing, CancellationToken cancellation, IReadOnlyDictionary<string, string>? extra = null)
    {
        if (running is not null) throw new InvalidOperationException("The API is already running.");
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = directory,
            ArgumentList = { "-c", $"exec dotnet CaseLedger.Api.dll --urls '{address.GetLeftPart(UriPartial.Authority)}' >> '{log}' 2>&1" },
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__CaseLedger"] = connection,
                ["CaseLedger__Projections__Distribution"] = "Solo",
                ["Ledger__Sealing__Enabled"] = sealing ? "true" : "false",
            },
        };
        // Settings of the caller's own (ops/faults runs nodes with other distributions) win over the bench's.
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        // And a measure's own for this start alone (the webhooks measure holds deliveries while it times writes).
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) start.Environment[key] = value;
        await File.AppendAllTextAsync(log, $"--- {DateTimeOffset.Now:O} starting the API, sealing {(sealing ? "on" : "off")}\n", cancellation);
        running = Process.Start(start) ?? throw new BenchFailure("The API process did not start.");
        await File.WriteAllTextAsync(log + ".pid", $"{running.Id}\n", cancellation);
        await WaitReadyAsync(cancellation);
    }

    public async Task StopAsync()
    {
        if (running is not { } process) return;
        running = null;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async Task RestartAsync(bool sealing, CancellationToken cancellation, IReadOnlyDictionary<string, string>? extra = null)
    {
        await StopAsync();
        await StartAsync(sealing, cancellation, extra);
    }

    private async Task WaitReadyAsync(CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < ReadyLimit)
        {
            if (running!.HasExited)
                throw new BenchFailure($"The API stopped while starting; the end of {log}:\n{string.Join('\n', File.ReadLines(log).TakeLast(20))}");
            try
            {
                using var answer = await http.GetAsync("/health/ready", cancellation);
                if (answer.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
        }
        throw new BenchFailure($"The API was not ready within {ReadyLimit.TotalSeconds:0} s; see {log}.");
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
