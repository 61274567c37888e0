using System.Globalization;
using System.Text;
using CaseLedger.Faults.Scenarios;

namespace CaseLedger.Faults.Reporting;

/// <summary>results.md: one row per scenario run, then what each column means. Numbers are written in the invariant
/// culture, which the build sets for the whole process (InvariantGlobalization).</summary>
public static class FaultsMarkdown
{
    public static string Write(FaultsReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# CaseLedger under faults (ops/faults)");
        md.AppendLine();
        md.AppendLine($"Commit {report.Commit}, started {report.Started:yyyy-MM-dd HH:mm} UTC, {report.Seconds:0} s. " +
            $"Each run: {report.Options.Writes} writes (single judgements, batches of ten, revisions, moderations) from " +
            $"{report.Options.Clients} clients at {report.Options.Rate}/s, the fault {report.Options.FaultAt.TotalSeconds:0.0} s in; " +
            "a write without an answer or with a 5xx is sent again, the same request, for up to 90 s.");
        md.AppendLine();
        md.AppendLine("| scenario | run | sent | acked | present | lost | doubled | 5xx (problem details) | no answer | longest write gap s | writes back after recovery s | view failover s | survivor not ready | ready again s | caught up s | verify |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in report.Results)
            md.AppendLine($"| {r.Scenario} | {r.Run} | {r.Sent} | {r.Acknowledged} | {r.Present} | {r.Lost} | {r.Doubled} | {r.ServerErrors} ({r.ServerErrorsAsProblemDetails}) | {r.NoAnswer} | {r.LongestWriteGap:0.0} | {Seconds(r.WritesResumedAfterRecovery)} | {Seconds(r.ViewFailover)} | {r.SurvivorNotReady} | {Seconds(r.ReadyAgainAfterRecovery)} | {Seconds(r.CaughtUp)} | {(r.VerifyAgrees ? "agrees" : "DISAGREES")} |");
        md.AppendLine();
        md.AppendLine("## Scenarios");
        foreach (var r in report.Results.DistinctBy(r => r.Scenario)) md.AppendLine($"- **{r.Scenario}**: {r.Setup}.");
        md.AppendLine();
        md.AppendLine("## Notes");
        foreach (var r in report.Results.Where(r => r.Notes.Length > 0 || r.Refused > 0 || r.Unanswered > 0 || r.PresentUnacknowledged > 0))
            md.AppendLine($"- {r.Scenario} {r.Run}: {r.Notes}{(r.Notes.Length > 0 ? "; " : "")}{r.Refused} refused (4xx), {r.Unanswered} never answered, {r.PresentUnacknowledged} present though unacknowledged, {r.Attempts} requests in all.");
        foreach (var failure in report.Failures) md.AppendLine($"- could not run: {failure}");
        md.AppendLine();
        md.AppendLine("## Columns");
        md.AppendLine("- *acked*: writes answered 2xx. *present*: found in the event table afterwards. *lost*: acked and not present. *doubled*: appended more than once (acked or not).");
        md.AppendLine("- *5xx (problem details)*: 5xx answers, and how many of them were application/problem+json. *no answer*: attempts refused, reset or timed out (10 s).");
        md.AppendLine("- *longest write gap*: the longest time between two acknowledged writes, as clients saw the outage. *writes back after recovery*: from the recovery step (server started, standby promoted, API started, view moved) to the next acknowledged write.");
        md.AppendLine("- *view failover*: from the kill of the node running a view to that view moving again on another node. *survivor not ready*: /health/ready answers other than 200 from a node that was up, outside a database outage (and 10 s after it). *ready again*: from the recovery step until every node answered 200.");
        md.AppendLine("- *caught up*: from the load's end until verify agreed (views caught up and the ledger sealed), with nothing restarted.");
        return md.ToString();
    }

    private static string Seconds(double? seconds) => seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "—";
}
