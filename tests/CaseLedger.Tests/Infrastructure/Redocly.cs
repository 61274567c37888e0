using System.Diagnostics;
using CaseLedger.Tests.Faults;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>
/// Redocly CLI at the exact version of tests/CaseLedger.Tests/Node (ops/test installs it with npm ci), run over a
/// file with its recommended rules. Telemetry and the update check are off: the lint must not reach the network.
/// </summary>
public static class Redocly
{
    public sealed record Problem(string Rule, string Severity, string Message, string Where)
    {
        public override string ToString() => $"{Rule} at {Where}: {Message}";
    }

    public static async Task<IReadOnlyList<Problem>> LintAsync(string file)
    {
        var tools = Path.Combine(Repository.Root, "tests", "CaseLedger.Tests", "Node");
        var cli = Path.Combine(tools, "node_modules", ".bin", "redocly");
        if (!File.Exists(cli)) throw new InvalidOperationException($"{cli} is missing: run the tests with ops/test, which installs it.");

        var start = new ProcessStartInfo(cli, ["lint", "--extends=recommended", file, "--format=json"])
        {
            WorkingDirectory = tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        // The exit code is 1 whenever an error is found, so the JSON report, not the code, says what happened.
        var text = await output;
        if (!text.TrimStart().StartsWith('{'))
            throw new InvalidOperationException($"redocly lint gave no JSON report (exit {process.ExitCode}): {await errors}");
        using var report = JsonDocument.Parse(text);
        return [.. report.RootElement.GetProperty("problems").EnumerateArray().Select(problem => new Problem(
            problem.GetProperty("ruleId").GetString()!,
            problem.GetProperty("severity").GetString()!,
            problem.GetProperty("message").GetString()!,
            string.Join(", ", problem.GetProperty("location").EnumerateArray()
                .Select(location => location.TryGetProperty("pointer", out var pointer) ? pointer.GetString() : "?"))))];
    }
}
