using System.Globalization;
using System.Text;
using CaseLedger.Bench.Measures;

namespace CaseLedger.Bench.Reporting;

/// <summary>The run as a markdown page: one table of figures with their baselines and ratios per scale, then the
/// notes, the datasets, the machine and the versions.</summary>
public static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(RunReport run)
    {
        var scales = run.Scales;
        var md = new StringBuilder();
        md.AppendLine("# CaseLedger benchmark").AppendLine();
        md.AppendLine($"Finished {run.FinishedAt:yyyy-MM-dd HH:mm} UTC at commit `{run.Commit}`; the whole run (build, cluster, every scale, report) took " +
                      $"{Minutes(run.TotalSeconds)}. Scales: {string.Join(", ", scales.Select(s => $"{s.TargetEvents.ToString("N0", Invariant)} events"))}, " +
                      "each on a fresh database and a freshly started API.").AppendLine();
        md.AppendLine("**× raw** is how many times the raw-PostgreSQL baseline's cost the product's is, in the same run: 1.0 is parity, " +
                      "4.0 is four times slower (or a quarter of the throughput). **growth** is a side's cost at the largest scale over its cost at the smallest.").AppendLine();

        var header = new StringBuilder("| measure | figure | unit |");
        var rule = new StringBuilder("|---|---|---|");
        foreach (var scale in scales)
        {
            header.Append($" {Short(scale.TargetEvents)}: CaseLedger | raw | × raw |");
            rule.Append("---:|---:|---:|");
        }
        if (scales.Count > 1)
        {
            header.Append(" growth: CaseLedger | growth: raw |");
            rule.Append("---:|---:|");
        }
        md.AppendLine(header.ToString()).AppendLine(rule.ToString());

        foreach (var (measure, figure) in scales.SelectMany(s => s.Results).Select(r => (r.Measure, r.Figure)).Distinct())
        {
            var row = scales.Select(s => s.Results.FirstOrDefault(r => r.Measure == measure && r.Figure == figure)).ToList();
            var first = row.First(r => r is not null)!;
            var line = new StringBuilder($"| {measure} | {figure} | {first.Unit} |");
            foreach (var result in row)
            {
                if (result is null) { line.Append(" | | |"); continue; }
                line.Append($" {Number(result.Product, result.Unit)} | {Number(result.Baseline, result.Unit)} | {Ratio(result.CostRatio)} |");
            }
            if (scales.Count > 1)
                line.Append($" {Ratio(Growth(row[0]?.Product, row[^1]?.Product, first.HigherIsBetter))} | {Ratio(Growth(row[0]?.Baseline, row[^1]?.Baseline, first.HigherIsBetter))} |");
            md.AppendLine(line.ToString());
        }
        md.AppendLine();

        md.AppendLine("## What each figure is").AppendLine();
        var described = new HashSet<(string, string)>();
        foreach (var result in scales[^1].Results)
        {
            var notes = scales.Select(scale => (scale, scale.Results.FirstOrDefault(r => r.Measure == result.Measure && r.Figure == result.Figure)?.Note))
                .Where(entry => entry.Note is not null).ToList();
            // A figure's siblings (its p99 beside its p50) share the baseline; say it once, with whatever notes there are.
            if (!described.Add((result.Measure, result.BaselineWork)) && notes.Count == 0) continue;
            md.Append($"- **{result.Measure}, {result.Figure}**: baseline is {result.BaselineWork}.");
            foreach (var (scale, note) in notes) md.Append($" At {Short(scale.TargetEvents)}: {note}.");
            md.AppendLine();
        }
        md.AppendLine();

        md.AppendLine("## Datasets").AppendLine();
        md.AppendLine($"| | {string.Join(" | ", scales.Select(s => Short(s.TargetEvents)))} |");
        md.AppendLine($"|---|{string.Concat(scales.Select(_ => "---:|"))}");
        Row(md, scales, "inspections", s => $"{s.Dataset.Inspections:N0} ({string.Join(", ", s.Dataset.InspectionsByFramework.Select(f => $"{f.Key} {f.Value}"))})");
        Row(md, scales, "YOTs, regions", s => $"{s.Dataset.Yots}, {s.Dataset.Regions}");
        Row(md, scales, "cases", s => s.Dataset.Cases.ToString("N0", Invariant));
        Row(md, scales, "judgements, revisions, moderations", s => $"{s.Dataset.Judgements:N0}, {s.Dataset.Revisions:N0}, {s.Dataset.Moderations:N0}");
        Row(md, scales, "QA: inspections sampled, judgements sampled, overturned", s => $"{s.Dataset.Qa.Inspections:N0}, {s.Dataset.Qa.Sampled:N0}, {s.Dataset.Qa.Overturned:N0}");
        Row(md, scales, "published inspections", s => s.Dataset.Published.ToString("N0", Invariant));
        Row(md, scales, "dataset events (checked in the ledger)", s => s.Dataset.Events.ToString("N0", Invariant));
        Row(md, scales, "events in the ledger after every measure", s => s.Database.EventsInLedger.ToString("N0", Invariant));
        Row(md, scales, "largest inspection", s => s.Dataset.LargestInspection);
        Row(md, scales, "load: set-up requests (open, cases, weeks, publish)", s => Phase(s.Dataset.SetUpRequests));
        Row(md, scales, "load: revision and moderation requests", s => Phase(s.Dataset.RevisionAndModerationRequests));
        Row(md, scales, "load: QA requests (samples, confirmations, moderations)", s => Phase(s.Dataset.Qa.Requests));
        Row(md, scales, "load: whole load, seconds", s => s.Dataset.LoadSeconds.ToString("N0", Invariant));
        Row(md, scales, "database, event table, document tables, raw schema (MB)", s =>
            $"{s.Database.DatabaseMb:N0}, {s.Database.EventTableMb:N0}, {s.Database.DocumentTablesMb:N0}, {s.Database.RawSchemaMb:N0}");
        Row(md, scales, "scale run, seconds", s => s.Seconds.ToString("N0", Invariant));
        Row(md, scales, "load average when the scale began", s => s.LoadAverageAtStart);
        md.AppendLine();

        md.AppendLine("## Machine and versions").AppendLine();
        md.AppendLine($"- CPU: {run.Machine.Cpu}, {run.Machine.Cores} cores; memory {run.Machine.MemoryGb} GB; {run.Machine.Os}, Linux {run.Machine.Kernel}");
        md.AppendLine($"- {string.Join("; ", run.Versions.Select(v => $"{v.Key} {v.Value}"))}");
        var options = scales[0].Options;
        md.AppendLine($"- Options: seed {options.Seed}; {options.Parallel} inspections' batches at once (their other requests {Math.Max(Measures.BulkRecording.LoadClients, options.Parallel)} at once), {options.RoundSize} to a round; batches of up to {options.BatchSize:N0}; " +
                      $"{options.Clients} concurrent clients sending {options.SingleRequests:N0} single judgements; {options.Samples} samples per latency figure; " +
                      $"view lag over {options.LagDuration.TotalSeconds:0} s");
        md.AppendLine("- The API runs in Release, in the Development environment (for development tokens), with Solo projection distribution, " +
                      "on loopback; PostgreSQL is a throwaway cluster on the same machine. Both share the cores with the benchmark client.");
        return md.ToString();
    }

    private static void Row(StringBuilder md, IReadOnlyList<ScaleReport> scales, string label, Func<ScaleReport, string> cell) =>
        md.AppendLine($"| {label} | {string.Join(" | ", scales.Select(cell))} |");

    private static string Phase(PhaseFigure phase) =>
        $"{phase.Requests:N0} in {phase.Seconds:N0} s ({phase.PerSecond:N0}/s)";

    /// <summary>Cost growth from the smallest scale to the largest: a throughput's inverse, a latency's own ratio.</summary>
    private static double? Growth(double? small, double? large, bool higherIsBetter) =>
        small is > 0 && large is > 0 ? higherIsBetter ? small.Value / large.Value : large.Value / small.Value : null;

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", Invariant) + "×" : "—";

    private static string Number(double value, string unit) => unit switch
    {
        "ms" when value < 10 => value.ToString("0.00", Invariant),
        "ms" when value < 100 => value.ToString("0.0", Invariant),
        _ => value.ToString("N0", Invariant),
    };

    private static string Short(long events) => events.ToString("N0", Invariant);

    private static string Minutes(double seconds) => $"{(int)(seconds / 60)} min {(int)(seconds % 60)} s";
}
