using CaseLedger.Client;
using Microsoft.Extensions.Logging;

namespace CaseLedger.Demo;

/// <summary>
/// <c>CaseLedger.Demo --api URL [--signing-key-file FILE]</c> loads the five seed inspections into the API at URL,
/// acting as their teams with development tokens (so only a Development API accepts them). The key comes from
/// Authentication__DevelopmentSigningKey, else from the settings file, as ops/token finds it.
/// Exit code 0 when the demo is ready, 1 when the load failed (the next run resumes it), 2 for a wrong command line.
/// </summary>
public static class DemoCli
{
    public const string Usage = "usage: CaseLedger.Demo --api URL [--signing-key-file FILE]";

    public static async Task<int> RunAsync(string[] args, ILogger logger, TextWriter error, CancellationToken cancellation)
    {
        Uri api;
        string signingKey;
        try
        {
            var named = Parse(args);
            api = named.TryGetValue("api", out var url) && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? uri : throw new ArgumentException("--api needs the API's absolute base URL.");
            signingKey = DevelopmentSigningKey.Read(named.GetValueOrDefault("signing-key-file"));
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            await error.WriteLineAsync($"{e.Message}\n{Usage}");
            return 2;
        }

        try
        {
            using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
            await new DemoLoader(http, signingKey, FrameworkLoader.LoadDefault(), logger).LoadAsync(DemoInspections.All, cancellation);
            return 0;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            logger.LogInformation("Demo data load stopped; the next run resumes it");
            return 1;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Demo data load failed; what it loaded stays, and the next run resumes it");
            return 1;
        }
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--api" or "--signing-key-file")) throw new ArgumentException($"unknown argument '{args[i]}'.");
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value.");
            named[args[i][2..]] = args[i + 1];
        }
        return named;
    }
}
