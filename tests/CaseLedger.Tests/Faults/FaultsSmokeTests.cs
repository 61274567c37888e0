using System.Text.Json;
using CaseLedger.Faults;

namespace CaseLedger.Tests.Faults;

/// <summary>
/// Keeps ops/faults working: two scenarios at a tiny load, each on clusters and API processes of its own (the
/// Debug build the tests were built with), through the same entry point the script calls. It asserts what the
/// report says happened, never how fast.
/// </summary>
public sealed class FaultsSmokeTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("caseledger-faults-smoke-").FullName;

    [Fact]
    public async Task A_killed_server_and_a_killed_api_lose_and_double_nothing_and_the_report_says_so()
    {
        var root = Repository.Root;
        var output = Path.Combine(work, "out");
        // The clusters run as the postgres user, who must be able to reach their folders.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(work, (UnixFileMode)Convert.ToInt32("755", 8));

        var exit = await Cli.RunAsync(
        [
            "run", "--api-dir", Path.Combine(root, "src", "CaseLedger.Api", "bin", Repository.Configuration, "net10.0"),
            "--pg-bin", Repository.PostgresBin, "--work", Path.Combine(work, "clusters"), "--out", output,
            "--signing-key-file", Path.Combine(root, "src", "CaseLedger.Api", "appsettings.Development.json"),
            "--runs", "1", "--writes", "60", "--rate", "20", "--scenarios", "postgres-killed,api-killed",
        ], CancellationToken.None);

        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "results.json"))).RootElement;
        Assert.Equal(0, exit);
        Assert.Empty(report.GetProperty("failures").EnumerateArray());
        var results = report.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["postgres-killed", "api-killed"], results.Select(r => r.GetProperty("scenario").GetString()));
        Assert.All(results, r =>
        {
            Assert.Equal(r.GetProperty("sent").GetInt32(), r.GetProperty("acknowledged").GetInt32());
            Assert.Equal(r.GetProperty("sent").GetInt32(), r.GetProperty("present").GetInt32());
            Assert.Equal(0, r.GetProperty("lost").GetInt32());
            Assert.Equal(0, r.GetProperty("doubled").GetInt32());
            Assert.True(r.GetProperty("verifyAgrees").GetBoolean());
        });
        // The server was down for 5 s mid-load: clients saw it, and every 5xx they got was problem details.
        var killed = results[0];
        var gap = killed.GetProperty("longestWriteGap").GetDouble();
        Assert.True(gap >= 4, $"The longest gap between acknowledged writes was {gap:0.0} s, with the server down for 5 s; the run's log: {await File.ReadAllTextAsync(Path.Combine(output, "results.md"))}");
        Assert.Equal(killed.GetProperty("serverErrors").GetInt32(), killed.GetProperty("serverErrorsAsProblemDetails").GetInt32());
        Assert.Contains("| postgres-killed | 1 |", await File.ReadAllTextAsync(Path.Combine(output, "results.md")));
        // Nothing the run started is left behind.
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(work, "clusters")));
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}
