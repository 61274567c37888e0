using System.Diagnostics;

namespace CaseLedger.Faults.Cluster;

/// <summary>Runs a command to its end and gives its standard output; a failure quotes its standard error.</summary>
public static class Shell
{
    public static Task<string> AsPostgresAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellation, bool mayFail = false) =>
        RunAsync("runuser", ["-u", "postgres", "--", command, .. arguments], cancellation, mayFail);

    public static async Task<string> RunAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellation, bool mayFail = false)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new FaultsFailure($"{command} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0 && !mayFail)
            throw new FaultsFailure($"{command} {string.Join(' ', arguments)} exited {process.ExitCode}: {(await error).Trim()}");
        return await output;
    }
}
