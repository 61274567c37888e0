using System.Text.Json;
using CaseLedger.Api.Frameworks;
using CaseLedger.Bench.Measures;
using CaseLedger.Bench.Reporting;
using Npgsql;

namespace CaseLedger.Bench;

/// <summary>
/// <c>measure --api-dir DIR --api-port P --api-log FILE --db CONNECTION --events N --out FILE [--signing-key-file FILE]
/// [--seed S] ...</c> starts the API on the database and runs every measure at one scale; <c>report --json FILE --markdown FILE [--seconds S] [--commit C] SCALE-FILE...</c>
/// writes the run's results.
/// </summary>
public static class Cli
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellation)
    {
        try
        {
            var (verb, named, files) = Parse(args);
            switch (verb)
            {
                case "measure": await MeasureAsync(named, cancellation); return 0;
                case "report": await ReportAsync(named, files); return 0;
                default: Console.Error.WriteLine(Usage); return 2;
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{e.Message}\n{Usage}");
            return 2;
        }
        catch (Exception e) when (e is BenchFailure or UnexpectedResponse)
        {
            Console.Error.WriteLine($"benchmark failed: {e.Message}");
            return 1;
        }
    }

    private const string Usage =
        "usage: CaseLedger.Bench measure --api-dir DIR --api-port P --api-log FILE --db CONNECTION --events N --out FILE [--signing-key-file FILE]\n" +
        "                                [--seed S] [--parallel P] [--clients C] [--single-requests R] [--spread-clients C] [--spread-requests R] [--samples S] [--lag-seconds T]\n" +
        "       CaseLedger.Bench report --json FILE --markdown FILE [--seconds S] [--commit C] SCALE-FILE...";

    private static async Task MeasureAsync(IReadOnlyDictionary<string, string> named, CancellationToken cancellation)
    {
        var defaults = new BenchOptions();
        var options = defaults with
        {
            Events = Long(named, "events", defaults.Events),
            Seed = (int)Long(named, "seed", defaults.Seed),
            Parallel = (int)Long(named, "parallel", defaults.Parallel),
            Clients = (int)Long(named, "clients", defaults.Clients),
            SingleRequests = (int)Long(named, "single-requests", defaults.SingleRequests),
            SpreadClients = (int)Long(named, "spread-clients", defaults.SpreadClients),
            SpreadRequests = (int)Long(named, "spread-requests", defaults.SpreadRequests),
            Samples = (int)Long(named, "samples", defaults.Samples),
            LagDuration = TimeSpan.FromSeconds(Long(named, "lag-seconds", (long)defaults.LagDuration.TotalSeconds)),
        };
        var connection = Required(named, "db");
        var output = Required(named, "out");

        var address = new Uri($"http://127.0.0.1:{Long(named, "api-port")}");
        await using var launcher = new ApiLauncher(Required(named, "api-dir"), address, connection, Path.GetFullPath(Required(named, "api-log")));
        await launcher.StartAsync(sealing: true, cancellation);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(10),
        };
        await using var product = NpgsqlDataSource.Create(connection);
        await using var raw = RawStore.Open(connection, options.RawSchema, maxConnections: 32);
        await using var api = new ApiProcess(launcher.Pid);
        var context = new BenchContext
        {
            Api = new ApiClient(http, DevelopmentSigningKey.Read(named.GetValueOrDefault("signing-key-file"))),
            Raw = raw,
            Product = product,
            Frameworks = FrameworkLoader.LoadDefault(),
            Options = options,
            ApiProcess = api,
            Launcher = launcher,
            Log = message => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {options.Events:N0}: {message}"),
        };
        var report = await ScaleRunner.RunAsync(context, ScaleRunner.All(), cancellation);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, Json), cancellation);
    }

    private static async Task ReportAsync(IReadOnlyDictionary<string, string> named, IReadOnlyList<string> files)
    {
        if (files.Count == 0) throw new ArgumentException("report needs at least one scale file.");
        var scales = new List<ScaleReport>();
        foreach (var file in files)
            scales.Add(JsonSerializer.Deserialize<ScaleReport>(await File.ReadAllTextAsync(file), Json)
                       ?? throw new ArgumentException($"{file} holds no scale report."));
        scales.Sort((a, b) => a.TargetEvents.CompareTo(b.TargetEvents));
        var run = new RunReport(DateTimeOffset.UtcNow, double.Parse(named.GetValueOrDefault("seconds", "0")),
            named.GetValueOrDefault("commit", "unknown"), RunEnvironment.Machine(),
            RunEnvironment.Versions(scales[0].Database.ServerVersion), scales);
        await File.WriteAllTextAsync(Required(named, "json"), JsonSerializer.Serialize(run, Json));
        await File.WriteAllTextAsync(Required(named, "markdown"), MarkdownReport.Write(run));
    }

    private static (string Verb, Dictionary<string, string> Named, List<string> Files) Parse(string[] args)
    {
        if (args.Length == 0) throw new ArgumentException("no verb given.");
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { files.Add(args[i]); continue; }
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value.");
            named[args[i][2..]] = args[++i];
        }
        return (args[0], named, files);
    }

    private static string Required(IReadOnlyDictionary<string, string> named, string name) =>
        named.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    /// <summary>A positive whole number; without a fallback, one that must be given.</summary>
    private static long Long(IReadOnlyDictionary<string, string> named, string name, long? fallback = null) =>
        !named.TryGetValue(name, out var value) ? fallback ?? throw new ArgumentException($"--{name} is required.")
        : long.TryParse(value, out var number) && number > 0 ? number
        : throw new ArgumentException($"--{name} must be a positive whole number, not '{value}'.");
}
