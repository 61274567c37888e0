using System.Text.Json;
using CaseLedger.Api.Frameworks;
using CaseLedger.Faults.Reporting;
using CaseLedger.Faults.Scenarios;

namespace CaseLedger.Faults;

/// <summary>
/// <c>run --api-dir DIR --pg-bin DIR --work DIR --out DIR [--signing-key-file FILE] [--runs N] [--writes N]
/// [--clients N] [--rate N] [--scenarios a,b] [--commit C] [--keep true]</c>: every scenario, each run on a cluster
/// of its own, and <c>results.json</c> and <c>results.md</c> in the output folder. Exit 0 when every run was
/// sound, 1 when one was not or the run could not go on, 2 for a usage error.
/// </summary>
public static class Cli
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly string Usage =
        "usage: CaseLedger.Faults run --api-dir DIR --pg-bin DIR --work DIR --out DIR [--signing-key-file FILE]\n" +
        "                             [--runs N] [--writes N] [--clients N] [--rate N] [--scenarios a,b] [--commit C] [--keep true]\n" +
        "scenarios: " + string.Join(", ", Catalog.All.Select(s => s.Name));

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellation)
    {
        FaultsOptions options;
        string commit;
        try
        {
            if (args.Length == 0 || args[0] != "run") throw new ArgumentException("the verb is run.");
            var named = Parse(args.Skip(1).ToList());
            var defaults = new { Runs = 2, Writes = 900, Clients = 4, Rate = 30 };
            options = new FaultsOptions
            {
                ApiDirectory = Required(named, "api-dir"),
                PostgresBin = Required(named, "pg-bin"),
                Work = Required(named, "work"),
                Output = Required(named, "out"),
                SigningKeyFile = named.GetValueOrDefault("signing-key-file"),
                Frameworks = FrameworkLoader.LoadDefault(),
                Runs = Number(named, "runs", defaults.Runs),
                Writes = Number(named, "writes", defaults.Writes),
                Clients = Number(named, "clients", defaults.Clients),
                Rate = Number(named, "rate", defaults.Rate),
                Scenarios = named.TryGetValue("scenarios", out var list) ? Scenarios(list) : null,
                Keep = named.GetValueOrDefault("keep") == "true",
            };
            commit = named.GetValueOrDefault("commit", "unknown");
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{e.Message}\n{Usage}");
            return 2;
        }

        Directory.CreateDirectory(options.Output);
        var started = DateTimeOffset.UtcNow;
        var results = new List<ScenarioResult>();
        var failures = new List<string>();
        foreach (var scenario in Catalog.All.Where(s => options.Scenarios is null || options.Scenarios.Contains(s.Name)))
        {
            for (var run = 1; run <= options.Runs; run++)
            {
                try
                {
                    results.Add(await ScenarioFlow.RunAsync(scenario, options, run, Log, cancellation));
                    Log($"{scenario.Name}-{run}: {(results[^1].Sound ? "sound" : "NOT SOUND")}");
                }
                catch (Exception e) when (!cancellation.IsCancellationRequested)
                {
                    // Whatever stopped one run (a cluster that would not start, the harness's own fault) is reported
                    // as that run's failure; the other scenarios still run.
                    failures.Add($"{scenario.Name}-{run}: {e.GetType().Name}: {e.Message}");
                    Log($"{scenario.Name}-{run} could not run: {e}");
                }
                // Written after every run, so a run stopped part-way keeps what it found.
                await WriteAsync(new FaultsReport(started, (DateTimeOffset.UtcNow - started).TotalSeconds, commit, options, results, failures));
            }
        }
        Log($"wrote {Path.Combine(options.Output, "results.md")}");
        return failures.Count == 0 && results.All(r => r.Sound) ? 0 : 1;
    }

    private static async Task WriteAsync(FaultsReport report)
    {
        await File.WriteAllTextAsync(Path.Combine(report.Options.Output, "results.json"), JsonSerializer.Serialize(report, Json));
        await File.WriteAllTextAsync(Path.Combine(report.Options.Output, "results.md"), FaultsMarkdown.Write(report));
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static IReadOnlyList<string> Scenarios(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => Catalog.All.All(s => s.Name != n)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"no scenario {string.Join(", ", unknown)}.");
        return names;
    }

    private static Dictionary<string, string> Parse(IReadOnlyList<string> args)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"'{args[i]}' is not an option.");
            if (i + 1 >= args.Count) throw new ArgumentException($"{args[i]} needs a value.");
            named[args[i][2..]] = args[++i];
        }
        return named;
    }

    private static string Required(IReadOnlyDictionary<string, string> named, string name) =>
        named.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    private static int Number(IReadOnlyDictionary<string, string> named, string name, int fallback) =>
        !named.TryGetValue(name, out var value) ? fallback
        : int.TryParse(value, out var number) && number > 0 ? number
        : throw new ArgumentException($"--{name} must be a positive whole number, not '{value}'.");
}
