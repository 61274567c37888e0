using System.Globalization;
using CaseLedger.Api.Telemetry;

namespace CaseLedger.Tests.Telemetry;

/// <summary>Reads the scrape endpoint as Prometheus does, with an administrator's token.</summary>
public static class Scrapes
{
    public static async Task<string> Scrape(this IAlbaHost host)
    {
        using var client = host.ClientAs(Scenarios.Admin, Roles.Admin);
        using var response = await client.GetAsync(TelemetrySetup.ScrapePath);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Scrapes until <paramref name="holds"/>: a measurement lands just after the work it measures.
    /// Fails after <paramref name="within"/>.</summary>
    public static async Task<string> ScrapeWhen(this IAlbaHost host, Func<string, bool> holds, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var text = await host.Scrape();
            if (holds(text)) return text;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The scrape never came to hold; last:\n{text}");
            await Task.Delay(50);
        }
    }

    /// <summary>A series' samples, one per label set that carries all of <paramref name="labels"/> (each written
    /// <c>name="value"</c>).</summary>
    public static IReadOnlyList<double> Samples(string text, string series, params string[] labels) =>
    [
        .. text.Split('\n')
            .Where(line => line.StartsWith(series + "{", StringComparison.Ordinal) || line.StartsWith(series + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => LabelsOf(line).Contains(label, StringComparison.Ordinal)))
            .Select(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)),
    ];

    /// <summary>What the matching samples add up to; 0 when there is none yet.</summary>
    public static double Sum(string text, string series, params string[] labels) => Samples(text, series, labels).Sum();

    private static string LabelsOf(string line) => line.Contains('{') ? line[line.IndexOf('{')..(line.LastIndexOf('}') + 1)] : "";
}
