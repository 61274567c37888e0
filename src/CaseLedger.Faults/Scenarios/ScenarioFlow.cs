using CaseLedger.Faults.Load;
using CaseLedger.Faults.Nodes;

namespace CaseLedger.Faults.Scenarios;

/// <summary>
/// A fault scenario: how many nodes, with which settings, on one server or a primary and a synchronous standby,
/// and the fault it strikes a third of the way into the load. The fault step may take as long as it needs (to
/// restart a server, to watch a view move); the load goes on around it.
/// </summary>
public sealed record Scenario(
    string Name,
    string Setup,
    int Nodes,
    IReadOnlyDictionary<string, string> Settings,
    Func<FaultRun, Timeline, CancellationToken, Task> Strike,
    bool Standby = false,
    bool DatabaseFault = false);

/// <summary>One run of a scenario, start to finish: start it all, prepare, load with the fault, let it settle by
/// itself, count what the ledger holds, and stop everything.</summary>
public static class ScenarioFlow
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(90);

    public static async Task<ScenarioResult> RunAsync(Scenario scenario, FaultsOptions options, int run, Action<string> log, CancellationToken cancellation)
    {
        var name = $"{scenario.Name}-{run}";
        await using var faults = await FaultRun.StartAsync(options, name, scenario.Standby, cancellation);
        await faults.StartNodesAsync(scenario.Nodes, scenario.Settings, cancellation);
        await faults.WarmUpAsync(name, cancellation);
        await faults.PrepareAsync(name, options.Seed + run, cancellation);
        log($"{name}: {faults.Nodes.Count} node(s) ready, {faults.Plan.WriteCount} writes planned");

        var load = new LoadRunner(faults.Pool, TimeSpan.FromSeconds(1.0 / options.Rate), GiveUpAfter);
        var timeline = new Timeline { DatabaseFault = scenario.DatabaseFault };
        faults.Clock = () => load.Elapsed;
        var readiness = new ReadinessWatch(faults.Nodes, () => load.Elapsed);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var watch = readiness.RunAsync(watching.Token);

        var loading = load.RunAsync(faults.Plan, cancellation);
        var wait = options.FaultAt - load.Elapsed;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellation);
        timeline.StruckAt = load.Elapsed;
        await scenario.Strike(faults, timeline, cancellation);
        timeline.RecoveredAt ??= load.Elapsed;
        log($"{name}: fault struck at {timeline.StruckAt.Value.TotalSeconds:0.0} s, recovery step at {timeline.RecoveredAt.Value.TotalSeconds:0.0} s");
        await loading;
        log($"{name}: load done, {load.Acknowledged} of {faults.Plan.WriteCount} acknowledged; waiting for verify to agree");

        var (agrees, caughtUp) = await faults.SettleAsync(SettleLimit, cancellation);
        await watching.CancelAsync();
        await watch;

        await using var database = faults.OpenDatabase();
        var count = await LedgerCount.ReadAsync(database, faults.Plan, load.Outcomes, cancellation);
        return Result(scenario, run, load, readiness, timeline, count, agrees, caughtUp);
    }

    private static ScenarioResult Result(Scenario scenario, int run, LoadRunner load, ReadinessWatch readiness, Timeline timeline,
        LedgerCount count, bool agrees, double? caughtUp)
    {
        var answers = load.Answers.ToList();
        var successes = answers.Where(a => a.Status is >= 200 and < 300).Select(a => a.At).Order().ToList();
        var recovered = timeline.RecoveredAt!.Value;
        var readyAgain = timeline.DatabaseFault
            ? readiness.Samples.Where(s => s.At >= recovered && s.Status == 200).GroupBy(s => s.Node)
                .Select(g => (g.Min(s => s.At) - recovered).TotalSeconds).DefaultIfEmpty().Max()
            : (double?)null;
        return new ScenarioResult(
            scenario.Name, run, scenario.Setup,
            count.Sent, count.Acknowledged, count.Present, count.Lost, count.Doubled, count.PresentUnacknowledged,
            Refused: load.Outcomes.Count(o => o.FinalStatus is >= 400 and < 500),
            Unanswered: load.Outcomes.Count(o => !o.Skipped && !o.Acknowledged && o.FinalStatus is null),
            Attempts: answers.Count,
            ServerErrors: answers.Count(a => a.Status >= 500),
            ServerErrorsAsProblemDetails: answers.Count(a => a.Status >= 500 && a.ProblemDetails),
            NoAnswer: answers.Count(a => a.Status is null),
            LongestWriteGap: successes.Zip(successes.Skip(1), (a, b) => (b - a).TotalSeconds).DefaultIfEmpty().Max(),
            WritesResumedAfterRecovery: successes.Where(at => at >= recovered).Select(at => (at - recovered).TotalSeconds).Cast<double?>().FirstOrDefault(),
            ViewFailover: timeline.ViewFailover,
            SurvivorNotReady: readiness.Samples.Count(s => s.Status != 200 && !timeline.DatabaseOut(s.At)),
            ReadyAgainAfterRecovery: readyAgain,
            CaughtUp: caughtUp,
            VerifyAgrees: agrees,
            Notes: timeline.Notes);
    }
}
