namespace CaseLedger.Faults.Scenarios;

/// <summary>
/// One run of one scenario, as ops/faults reports it. Times are seconds. Writes are the plan's (a batch of ten
/// counts once); "lost" is acknowledged and absent from the ledger, "doubled" appended more than once.
/// </summary>
public sealed record ScenarioResult(
    string Scenario,
    int Run,
    string Setup,
    int Sent,
    int Acknowledged,
    int Present,
    int Lost,
    int Doubled,
    int PresentUnacknowledged,
    int Refused,
    int Unanswered,
    int Attempts,
    int ServerErrors,
    int ServerErrorsAsProblemDetails,
    int NoAnswer,
    double LongestWriteGap,
    double? WritesResumedAfterRecovery,
    double? ViewFailover,
    int SurvivorNotReady,
    double? ReadyAgainAfterRecovery,
    double? CaughtUp,
    bool VerifyAgrees,
    string Notes)
{
    /// <summary>Holds when nothing acknowledged was lost, nothing doubled, every 5xx was problem details and
    /// verify agreed by itself afterwards.</summary>
    public bool Sound => Lost == 0 && Doubled == 0 && ServerErrors == ServerErrorsAsProblemDetails && VerifyAgrees;
}
