
namespace CaseLedger.Api.Inspections.Writing;

/// <summary>
/// The one way a command writes to an inspection's ledger: who acts → load what the decision needs → decide →
/// stamp and append → commit under the inspection's lock → turn a refusal into a problem. Lost races for the
/// stream's next event version are run again from fresh state (<see cref="LedgerWrites.WithRetryAsync"/>).
/// </summary>
public static class WritePipeline
{
    public static Task<IResult> RunAsync<TState>(
        IInspectionCommand<TState> command, HttpContext http, LedgerSessions sessions, TimeProvider clock, CancellationToken cancellation) =>
        LedgerWrites.WithRetryAsync(sessions, ledger => AttemptAsync(command, http, ledger, clock, cancellation), cancellation);

    private static async Task<IResult> AttemptAsync<TState>(
        IInspectionCommand<TState> command, HttpContext http, LedgerSession ledger, TimeProvider clock, CancellationToken cancellation)
    {
        var session = ledger.Session;
        if (Actor.From(http) is not { } actor) return Rejection.Unauthenticated().ToResult();
        var writeClock = http.RequestServices.GetRequiredService<ValidTimeSettings>().At(clock.GetUtcNow());
        var decision = await command.DecideAsync(session, actor, writeClock, cancellation);
        if (decision.Rejection is { } rejection) return rejection.ToResult();
        if (!decision.Changes) return command.Respond(decision.State!);

        var inspectionId = command.InspectionId;
        session.Stamp(actor, http, decision.Week);
        if (decision.Events.Count > 0)
        {
            var appended = decision.StartsStream
                ? session.Events.StartStream<InspectionHeader>(inspectionId, decision.Events.ToArray())
                : decision.ExpectedStreamVersion is { } read
                    ? session.Events.Append(inspectionId, read + decision.Events.Count, decision.Events.ToArray())
                    : session.Events.Append(inspectionId, decision.Events.ToArray());
            appended.Events.StampValidTimes(decision.OccurredAt);
        }
        foreach (var write in decision.Writes) write.ApplyTo(session);
        if (decision.RequiresStillWritable) session.RequireStillWritable(inspectionId, decision.Week);
        try
        {
            await ledger.SaveAsync(inspectionId, cancellation);
        }
        catch (Exception exception) when (!LedgerWrites.IsStreamVersionCollision(exception))
        {
            await using var query = session.DocumentStore.QuerySession();
            if (await command.ExplainAsync(exception, decision, query, cancellation) is { } answer) return answer;
            throw;
        }
        return command.Respond(decision.State!);
    }
}
