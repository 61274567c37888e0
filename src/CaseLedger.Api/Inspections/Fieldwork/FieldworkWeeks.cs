using Microsoft.AspNetCore.Authorization;
using CaseLedger.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseLedger.Api.Inspections.Fieldwork;

/// <summary>
/// The lead opens and closes the planned weeks one at a time, in order. A judgement falls in the week open when
/// it is recorded, so "as of week N" means right after week N closed.
/// </summary>
public static class FieldworkWeeks
{
    public static (IReadOnlyList<object> Events, Rejection? Rejection) DecideOpen(InspectionHeader header, Actor actor, int number)
    {
        if ((InspectionRules.LeadOnly(header, actor, "open fieldwork weeks") ?? InspectionRules.Writable(header)) is { } refused)
            return ([], refused);
        if (header.PlannedWeeks.All(week => week.Number != number))
            return ([], Rejection.NotFound($"Week {number} is not one of this inspection's planned fieldwork weeks."));
        if (header.OpenWeek == number) return ([], null);
        if (header.OpenWeek is { } open)
            return ([], Rejection.Conflict($"Week {open} is still open; close it before opening week {number}."));
        if (header.ClosedWeeks.Contains(number))
            return ([], Rejection.Conflict($"Week {number} has closed; a closed week does not reopen."));
        var next = header.PlannedWeeks.Select(week => week.Number).Where(n => !header.ClosedWeeks.Contains(n)).Min();
        if (number != next)
            return ([], Rejection.Conflict($"Weeks open in order: week {next} comes next."));
        return ([new FieldworkWeekOpened(number)], null);
    }

    public static (IReadOnlyList<object> Events, Rejection? Rejection) DecideClose(InspectionHeader header, Actor actor, int number)
    {
        if ((InspectionRules.LeadOnly(header, actor, "close fieldwork weeks") ?? InspectionRules.Writable(header)) is { } refused)
            return ([], refused);
        if (header.PlannedWeeks.All(week => week.Number != number))
            return ([], Rejection.NotFound($"Week {number} is not one of this inspection's planned fieldwork weeks."));
        if (header.ClosedWeeks.Contains(number)) return ([], null);
        if (header.OpenWeek != number)
            return ([], Rejection.Conflict($"Week {number} is not open."));
        return ([new FieldworkWeekClosed(number)], null);
    }

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/weeks/{number}/open", OperationId = "OpenFieldworkWeek")]
    [ProducesResponseType<WeekState>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static Task<IResult> Open(Guid id, int number, HttpContext http, IDocumentStore store, TimeProvider clock, CancellationToken cancellation) =>
        LedgerWrites.WithRetryAsync(store, session =>
            Respond(HeaderWrites.ApplyAsync(id, http, session, clock, (header, actor) => DecideOpen(header, actor, number), cancellation)), cancellation);

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/weeks/{number}/close", OperationId = "CloseFieldworkWeek")]
    [ProducesResponseType<WeekState>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static Task<IResult> Close(Guid id, int number, HttpContext http, IDocumentStore store, TimeProvider clock, CancellationToken cancellation) =>
        LedgerWrites.WithRetryAsync(store, session =>
            Respond(HeaderWrites.ApplyAsync(id, http, session, clock, (header, actor) => DecideClose(header, actor, number), cancellation)), cancellation);

    private static async Task<IResult> Respond(Task<(InspectionHeader? Header, Rejection? Rejection)> write)
    {
        var (header, rejection) = await write;
        return rejection?.ToResult() ?? Results.Ok(new WeekState(header!.OpenWeek, header.ClosedWeeks));
    }

    public sealed record WeekState(int? OpenWeek, IReadOnlyList<int> ClosedWeeks);
}
