using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Fieldwork;

/// <summary>
/// The lead opens and closes the planned weeks one at a time, in order. A judgement falls in the week open when
/// it is recorded, so "as of week N" means right after week N closed.
/// </summary>
public static class FieldworkWeeks
{
    public static Decision<InspectionHeader> DecideOpen(InspectionHeader header, Actor actor, int number, DateTimeOffset now)
    {
        if ((InspectionRules.LeadOnly(header, actor, "open fieldwork weeks") ?? InspectionRules.Writable(header)) is { } refused)
            return refused;
        if (header.PlannedWeeks.All(week => week.Number != number))
            return Rejection.NotFound($"Week {number} is not one of this inspection's planned fieldwork weeks.");
        if (header.OpenWeek == number) return Decision<InspectionHeader>.Unchanged(header);
        if (header.OpenWeek is { } open)
            return Rejection.Conflict($"Week {open} is still open; close it before opening week {number}.");
        if (header.ClosedWeeks.Contains(number))
            return Rejection.Conflict($"Week {number} has closed; a closed week does not reopen.");
        var next = header.PlannedWeeks.Select(week => week.Number).Where(n => !header.ClosedWeeks.Contains(n)).Min();
        if (number != next)
            return Rejection.Conflict($"Weeks open in order: week {next} comes next.");
        return HeaderCommand.Evolve(header, now, new FieldworkWeekOpened(number));
    }

    public static Decision<InspectionHeader> DecideClose(InspectionHeader header, Actor actor, int number, DateTimeOffset now)
    {
        if ((InspectionRules.LeadOnly(header, actor, "close fieldwork weeks") ?? InspectionRules.Writable(header)) is { } refused)
            return refused;
        if (header.PlannedWeeks.All(week => week.Number != number))
            return Rejection.NotFound($"Week {number} is not one of this inspection's planned fieldwork weeks.");
        if (header.ClosedWeeks.Contains(number)) return Decision<InspectionHeader>.Unchanged(header);
        if (header.OpenWeek != number)
            return Rejection.Conflict($"Week {number} is not open.");
        return HeaderCommand.Evolve(header, now, new FieldworkWeekClosed(number));
    }

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/weeks/{number}/open", OperationId = "OpenFieldworkWeek")]
    [ProducesResponseType<WeekState>(200, "application/json")]
    [ProblemResponses(401, 403, 404, 409)]
    public static Task<IResult> Open(Guid id, int number, HttpContext http, IDocumentStore store, TimeProvider clock, CancellationToken cancellation) =>
        WritePipeline.RunAsync(new HeaderCommand(id, (header, actor, now) => DecideOpen(header, actor, number, now), Respond), http, store, clock, cancellation);

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/weeks/{number}/close", OperationId = "CloseFieldworkWeek")]
    [ProducesResponseType<WeekState>(200, "application/json")]
    [ProblemResponses(401, 403, 404, 409)]
    public static Task<IResult> Close(Guid id, int number, HttpContext http, IDocumentStore store, TimeProvider clock, CancellationToken cancellation) =>
        WritePipeline.RunAsync(new HeaderCommand(id, (header, actor, now) => DecideClose(header, actor, number, now), Respond), http, store, clock, cancellation);

    private static IResult Respond(InspectionHeader header) => Results.Ok(new WeekState(header.OpenWeek, header.ClosedWeeks));

    public sealed record WeekState(int? OpenWeek, IReadOnlyList<int> ClosedWeeks);
}
