using CaseLedger.Bench.Stats;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Measure 11: sixteen clients, each writing single judgements to an inspection of its own, beside the same raw
/// transactions on sixteen connections at once. Measure 2's concurrent clients share one inspection, so they queue
/// behind its stream's lock. These never do, so this is the API's throughput as writes spread over a national
/// caseload. Issue 21's goal here is at least 1,500 requests/s. Each inspection starts at its 10th judgement, as
/// measure 2's new inspection does.
/// </summary>
public sealed class SpreadWrites : IMeasure
{
    public string Name => "11. writes across inspections";

    private const string RawBaseline = "one transaction per request inserting the same event JSON and a current-judgement row";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var options = context.Options;
        var random = new Random(Draws.SeedFor(options.Seed, -11));
        var perClient = Math.Max(1, options.SpreadRequests / options.SpreadClients);
        var inspections = new List<SingleJudgements.Prepared>();
        for (var i = 0; i < options.SpreadClients; i++)
            inspections.Add(await SingleJudgements.PrepareAsync(context,
                UniformInspection.Plan(context.Frameworks, random, 9 + perClient, 1, $"spread-{i:00}"), 9, cancellation));
        context.Log($"writes across inspections: {inspections.Count} inspections prepared");

        var product = await ClientRun.RunAsync([.. inspections.Select(inspection => inspection.Product(9, 9 + perClient)[0])], cancellation);
        var raw = await ClientRun.RunAsync([.. inspections.Select(inspection => inspection.Raw(9, 9 + perClient)[0])], cancellation);
        var label = $"{options.SpreadClients} clients, {options.SpreadClients} inspections";
        var note = $"{perClient} judgements each (the 10th to the {9 + perClient}th of its inspection), all clients at once; goal: at least 1,500 requests/s";
        var baseline = RawBaseline + $", {options.SpreadClients} connections at once";
        return
        [
            new(Name, $"{label}: requests/s", "req/s", true, product.PerSecond, raw.PerSecond, baseline, Note: note),
            new(Name, $"{label}: p50", "ms", false, product.Latencies.P50, raw.Latencies.P50, baseline),
            new(Name, $"{label}: p99", "ms", false, product.Latencies.P99, raw.Latencies.P99, baseline),
        ];
    }
}
