using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Fieldwork;

/// <summary>
/// The lead opens and closes the planned weeks one at a time, in order. A judgement falls in the week open when
/// it is recorded, so "as of week N" means right after week N closed.
/// </summary>
public static class FieldworkWeeks
{
    public static Decision<InspectionHeader> DecideOpen(InspectionHeader header, Actor actor, int number, WriteClock clock, string? occurredAt = null)
    {
        if ((InspectionRules.LeadOnly(header, actor, "open fieldwork weeks") ?? InspectionRules.Writable(header)) is { } refused)
            return refused;
        if (header.PlannedWeeks.All(week => week.Number != number))
            return Rejection.NotFound($"Week {number} is not one of this inspection's planned fieldwork weeks.");
        if (header.OpenWeek == number) return Decision<InspectionHeader>.Unchanged(header);
        var (at, invalid) = CheckStated(header, clock, occurredAt);
        if (invalid is not null) return invalid;
        if (header.OpenWeek is { } open)
            return Rejection.Conflict($"Week {open} is still open; close it before opening week {number}.");
        if (header.ClosedWeeks.Contains(number))
            return Rejection.Conflict($"Week {number} has closed; a closed week does not reopen.");
        var next = header.PlannedWeeks.Select(week => week.Number).Where(n => !header.ClosedWeeks.Contains(n)).Min();
        if (number != next)
            return Rejection.Conflict($"Weeks open in order: week {next} comes next.");
        return HeaderCommand.Evolve(header, clock, at, new FieldworkWeekOpened(number));
    }

    public static Decision<InspectionHeader> DecideClose(InspectionHeader header, Actor actor, int number, WriteClock clock, string? occurredAt = null)
    {
        if ((InspectionRules.LeadOnly(header, actor, "close fieldwork weeks") ?? InspectionRules.Writable(header)) is { } refused)
            return refused;
        if (header.PlannedWeeks.All(week => week.Number != number))
            return Rejection.NotFound($"Week {number} is not one of this inspection's planned fieldwork weeks.");
        if (header.ClosedWeeks.Contains(number)) return Decision<InspectionHeader>.Unchanged(header);
        var (at, invalid) = CheckStated(header, clock, occurredAt);
        if (invalid is not null) return invalid;
        if (header.OpenWeek != number)
            return Rejection.Conflict($"Week {number} is not open.");
        return HeaderCommand.Evolve(header, clock, at, new FieldworkWeekClosed(number));
    }

    private static (DateTimeOffset? At, Rejection? Invalid) CheckStated(InspectionHeader header, WriteClock clock, string? text)
    {
        var errors = new FieldErrors();
        var at = ValidTimes.Parse(errors, ValidTimes.Field, text);
        ValidTimes.Check(errors, ValidTimes.Field, at, ValidTimes.ForHeader(header, clock));
        return (at, errors.ToRejection());
    }

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/weeks/{number}/open", OperationId = "OpenFieldworkWeek")]
    [Tags(Capability.Fieldwork)]
    [EndpointSummary("Open a fieldwork week")]
    [EndpointDescription("The lead opens week `number`; weeks open in order and one at a time. An optional body `{\"occurredAt\": ...}` states when it happened. Returns the open week and the closed ones. 404 outside reach; 409 when another week is open, the week has closed, or it is not next.")]
    [ProducesResponseType<WeekState>(200, "application/json")]
    [Consumes(typeof(StatedTime), "application/json", IsOptional = true)]
    [ProblemResponses(400, 401, 403, 404, 409, 415)]
    public static Task<IResult> Open(
        Guid id, int number, HttpContext http, LedgerSessions ledger, TimeProvider clock, CancellationToken cancellation) =>
        RunAsync(id, number, DecideOpen, http, ledger, clock, cancellation);

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/weeks/{number}/close", OperationId = "CloseFieldworkWeek")]
    [Tags(Capability.Fieldwork)]
    [EndpointSummary("Close a fieldwork week")]
    [EndpointDescription("The lead closes the open week `number`; a closed week never reopens, and `week:N` then names this moment. Returns the open week and the closed ones. 404 outside reach; 409 when that week is not open.")]
    [ProducesResponseType<WeekState>(200, "application/json")]
    [Consumes(typeof(StatedTime), "application/json", IsOptional = true)]
    [ProblemResponses(400, 401, 403, 404, 409, 415)]
    public static Task<IResult> Close(
        Guid id, int number, HttpContext http, LedgerSessions ledger, TimeProvider clock, CancellationToken cancellation) =>
        RunAsync(id, number, DecideClose, http, ledger, clock, cancellation);

    private static async Task<IResult> RunAsync(
        Guid id, int number, Func<InspectionHeader, Actor, int, WriteClock, string?, Decision<InspectionHeader>> decide,
        HttpContext http, LedgerSessions ledger, TimeProvider clock, CancellationToken cancellation)
    {
        var (body, unreadable) = await StatedTime.ReadAsync(http, cancellation);
        if (unreadable is not null) return unreadable.ToResult();
        return await WritePipeline.RunAsync(
            new HeaderCommand(id, (header, actor, now) => decide(header, actor, number, now, body?.OccurredAt), Respond), http, ledger, clock, cancellation);
    }

    private static IResult Respond(InspectionHeader header) => Results.Ok(new WeekState(header.OpenWeek, header.ClosedWeeks));

    public sealed record WeekState(int? OpenWeek, IReadOnlyList<int> ClosedWeeks);
}
