using CaseLedger.Bench.Stats;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Measure 2: single judgements through <c>POST /inspections/{id}/judgements</c>, each beside a raw transaction
/// that inserts the same event JSON and a current-judgement row. One client from the 10th judgement of a new
/// inspection, and from the 10,000th of another with as many cases: whether a judgement's cost grows with its
/// inspection's ledger (DESIGN.md §3 says it must not; issue #4). One client at the 10th judgement of one-case
/// inspections: what the sample's size costs. Then concurrent clients on each of the two big inspections.
/// </summary>
public sealed class SingleJudgements : IMeasure
{
    public string Name => "2. single judgements";

    private const string RawBaseline = "one transaction per request inserting the same event JSON and a current-judgement row";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var options = context.Options;
        var random = new Random(Draws.SeedFor(options.Seed, -2));
        var (samples, requests, clients) = (options.Samples, options.SingleRequests, options.Clients);
        var deepBefore = options.DeepJudgement - 1;

        // The deep and the shallow inspection sample the same number of cases, so their headers (which every write
        // reads) weigh the same, and only the number of judgements already recorded tells them apart.
        var deepPlan = UniformInspection.Plan(context.Frameworks, random, deepBefore + samples + requests, clients, "deep");
        var deep = await PrepareAsync(context, deepPlan, deepBefore, cancellation);
        var shallow = await PrepareAsync(context,
            UniformInspection.Plan(context.Frameworks, random, 9 + samples + requests, clients, "shallow", deepPlan.Inspection.Cases.Count), 9, cancellation);
        var oneCase = new List<Prepared>();
        for (var i = 0; i < samples; i++)
            oneCase.Add(await PrepareAsync(context, UniformInspection.Plan(context.Frameworks, random, 10, 1, $"one-case-{i:000}"), 9, cancellation));
        var cases = deepPlan.Inspection.Cases.Count;
        context.Log("single judgements: inspections prepared");
        // The 10,000 judgements put in place for the deep inspection are a tenth of the events at 100,000: left as
        // they are, autovacuum's next pass analyzes every table they grew (1–4 s of up to half a core here), and in
        // runs of this measure repeated at 100,000 events that pass came with the eight clients' slowest seconds.
        await Settling.SettleAsync(context, cancellation);

        var results = new List<MeasureResult>();
        var tenth = await Both(shallow.Product(9, 9 + samples), shallow.Raw(9, 9 + samples));
        results.AddRange(Latency("the 10th judgement, one client", tenth,
            $"judgements 10–{9 + samples} of an inspection sampling {cases} cases"));

        var deepRun = await Both(deep.Product(deepBefore, deepBefore + samples), deep.Raw(deepBefore, deepBefore + samples));
        results.AddRange(Latency($"the {options.DeepJudgement:N0}th judgement, one client", deepRun,
            $"judgements {options.DeepJudgement:N0}–{deepBefore + samples:N0} of an inspection sampling {cases} cases; " +
            $"p50 {Times(deepRun.Product.Latencies.P50, tenth.Product.Latencies.P50)} and p99 {Times(deepRun.Product.Latencies.P99, tenth.Product.Latencies.P99)} the 10th's " +
            $"(raw: {Times(deepRun.Raw.Latencies.P50, tenth.Raw.Latencies.P50)} and {Times(deepRun.Raw.Latencies.P99, tenth.Raw.Latencies.P99)})"));

        var small = await Both([[.. oneCase.SelectMany(t => t.Product(9, 10)[0])]], [[.. oneCase.SelectMany(t => t.Raw(9, 10)[0])]]);
        results.AddRange(Latency("the 10th judgement of a one-case inspection, one client", small,
            $"the 10th judgement of each of {samples} inspections sampling one case; p50 {Times(tenth.Product.Latencies.P50, small.Product.Latencies.P50)} " +
            $"of this is the {cases}-case inspection's 10th's"));

        var from = 9 + samples;
        var fresh = await Both(shallow.Clients(from, requests, clients, product: true), shallow.Clients(from, requests, clients, product: false));
        results.AddRange(Throughput($"{clients} clients, one new inspection", fresh,
            $"judgements {from + 1}–{from + requests:N0} of the {cases}-case inspection, {clients} inspectors at once"));

        from = deepBefore + samples;
        var deepClients = await Both(deep.Clients(from, requests, clients, product: true), deep.Clients(from, requests, clients, product: false));
        results.AddRange(Throughput($"{clients} clients, one inspection past its {options.DeepJudgement:N0}th", deepClients,
            $"judgements {from + 1:N0}–{from + requests:N0}; requests/s {Times(deepClients.Product.PerSecond, fresh.Product.PerSecond)} the new inspection's"));
        return results;

        async Task<(ClientRun Product, ClientRun Raw)> Both(
            IReadOnlyList<IReadOnlyList<Func<CancellationToken, Task>>> product, IReadOnlyList<IReadOnlyList<Func<CancellationToken, Task>>> raw) =>
            (await ClientRun.RunAsync(product, cancellation), await ClientRun.RunAsync(raw, cancellation));

        IEnumerable<MeasureResult> Throughput(string label, (ClientRun Product, ClientRun Raw) run, string note) =>
        [
            new(Name, $"{label}: requests/s", "req/s", true, run.Product.PerSecond, run.Raw.PerSecond, RawBaseline + $", {clients} connections at once", Note: note),
            .. Latency(label, run, null),
        ];

        IEnumerable<MeasureResult> Latency(string label, (ClientRun Product, ClientRun Raw) run, string? note) =>
        [
            new(Name, $"{label}: p50", "ms", false, run.Product.Latencies.P50, run.Raw.Latencies.P50, RawBaseline, Note: note),
            new(Name, $"{label}: p99", "ms", false, run.Product.Latencies.P99, run.Raw.Latencies.P99, RawBaseline),
        ];
    }

    private static string Times(double value, double reference) => $"{value / reference:0.00}×";

    /// <summary>
    /// Opens the inspection, samples its cases and opens week 1 through the API; records its first
    /// <paramref name="preload"/> judgements by batch, and puts the same rows in the raw tables; then serialises
    /// every later judgement, both ways, ready to send.
    /// </summary>
    internal static async Task<Prepared> PrepareAsync(BenchContext context,
        (PlannedInspection Inspection, IReadOnlyList<PlannedJudgement> Judgements) plan, int preload, CancellationToken cancellation)
    {
        var (inspection, judgements) = plan;
        var api = context.Api;
        await api.SendInOrderAsync([api.Register(inspection.Yot), .. api.OpenForJudgements(inspection)], cancellation);
        for (var start = 0; start < preload; start += context.Options.BatchSize)
        {
            var chunk = judgements.Skip(start).Take(Math.Min(context.Options.BatchSize, preload - start)).ToList();
            await api.SendAsync(api.Batch(inspection.Id, inspection.Inspectors[0], chunk), cancellation);
            var correlation = Guid.NewGuid().ToString("N");
            await context.Raw.CopyAsync([.. chunk.Select((j, i) => RawEvents.Recorded(inspection.Id, start + i + 1, j, Roles.Inspector, 1, correlation))], cancellation);
            await context.Raw.CopyJudgementsAsync([.. chunk.Select(j => RawEvents.Current(inspection.Id, j, 1))], cancellation);
        }

        var product = judgements.Select(j => api.Record(inspection.Id, j)).ToList();
        var raw = judgements.Select((j, i) => (Event: RawEvents.Recorded(inspection.Id, i + 1, j, Roles.Inspector, 1, Guid.NewGuid().ToString("N")),
            Current: RawEvents.Current(inspection.Id, j, 1))).ToList();
        return new Prepared(
            [.. product.Select(request => (Func<CancellationToken, Task>)(ct => api.SendAsync(request, ct)))],
            [.. raw.Select(row => (Func<CancellationToken, Task>)(ct => context.Raw.InsertAsync(row.Event, row.Current, ct)))]);
    }

    /// <summary>An inspection's judgements, ready to send one by one to the product or to the raw tables.</summary>
    internal sealed record Prepared(IReadOnlyList<Func<CancellationToken, Task>> ProductCalls, IReadOnlyList<Func<CancellationToken, Task>> RawCalls)
    {
        /// <summary>Calls from <paramref name="from"/> up to <paramref name="to"/>, for one client.</summary>
        public IReadOnlyList<IReadOnlyList<Func<CancellationToken, Task>>> Product(int from, int to) => [[.. ProductCalls.Take(to).Skip(from)]];

        public IReadOnlyList<IReadOnlyList<Func<CancellationToken, Task>>> Raw(int from, int to) => [[.. RawCalls.Take(to).Skip(from)]];

        /// <summary>Calls from <paramref name="from"/> on, dealt out to the clients as the team shares them.</summary>
        public IReadOnlyList<IReadOnlyList<Func<CancellationToken, Task>>> Clients(int from, int count, int clients, bool product)
        {
            var calls = (product ? ProductCalls : RawCalls).Skip(from).Take(count).ToList();
            return [.. Enumerable.Range(0, clients).Select(c => (IReadOnlyList<Func<CancellationToken, Task>>)[.. calls.Where((_, i) => i % clients == c)])];
        }
    }
}
