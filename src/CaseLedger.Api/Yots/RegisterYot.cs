using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Yots;

public sealed record RegisterYot(string? Name, string? Region);

/// <summary>The YOT as the register holds it now.</summary>
public sealed record YotRegistration(string Code, string Name, string Region, int Version, DateTimeOffset RegisteredAt, DateTimeOffset ChangedAt)
{
    public static YotRegistration Of(RegisteredYot yot) =>
        new(yot.Id, yot.Name, yot.Region, yot.Version, yot.Entries[0].From, yot.Entries[^1].From);
}

/// <summary><c>PUT /yots/{code}</c>: an administrator registers a YOT, or renames or moves it. Saying again what
/// the register already holds changes nothing and appends nothing.</summary>
public static class RegisterYotEndpoint
{
    public const int MaxNameLength = 120;

    /// <summary>Pure: the event that registers or changes the YOT (none when nothing changes), or why not.</summary>
    public static (IReadOnlyList<object> Events, Rejection? Rejection) Decide(string code, RegisterYot command, RegisteredYot? current)
    {
        var errors = new FieldErrors();
        if (!YotCodes.IsValid(code)) errors.Add("code", $"'{code}' {YotCodes.Rule}");
        errors.RequireText(command.Name, "name", MaxNameLength);
        errors.OneOf(command.Region, "region", Regions.All);
        if (errors.ToRejection() is { } invalid) return ([], invalid);

        var name = command.Name!.Trim();
        if (current is null) return ([new YotRegistered(code, name, command.Region!)], null);
        if (current.Name == name && current.Region == command.Region) return ([], null);
        return ([new YotChanged(code, current.Name, current.Region, name, command.Region!)], null);
    }

    [Authorize(Roles = Roles.Admin)]
    [WolverinePut("/yots/{code}", OperationId = "RegisterYot")]
    [Tags(Capability.YotRegister)]
    [EndpointSummary("Register or change a YOT")]
    [EndpointDescription("An administrator registers a YOT under its code (201) or renames or moves it (200); saying again what the register holds appends nothing (200). 400 for a bad code, name or region, or a missing body; 409 when another request changed it at the same moment.")]
    [ProducesResponseType<YotRegistration>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<YotRegistration>(StatusCodes.Status201Created, "application/json")]
    [ProblemResponses(400, 401, 403, 409)]
    public static async Task<IResult> Put(
        string code, RegisterYot command, HttpContext http, LedgerSessions sessions, TimeProvider clock, CancellationToken cancellation)
    {
        if (Actor.From(http) is not { } actor) return Rejection.Unauthenticated().ToResult();
        if (command is null) return Rejection.MissingBody().ToResult();

        await using var ledger = sessions.Open();
        var session = ledger.Session;
        var current = YotCodes.IsValid(code) ? await session.LoadAsync<RegisteredYot>(code, cancellation) : null;
        var (events, rejection) = Decide(code, command, current);
        if (rejection is not null) return rejection.ToResult();
        if (events.Count == 0) return Results.Ok(YotRegistration.Of(current!));

        var now = clock.GetUtcNow();
        var stream = YotCodes.StreamId(code);
        session.Stamp(actor, http, week: null);
        RegisteredYot registered;
        if (events[0] is YotRegistered first)
        {
            registered = RegisteredYot.Start(first, now);
            session.Events.StartStream(stream, first);
            session.Insert(registered);
        }
        else
        {
            registered = current!.Apply((YotChanged)events[0], now);
            session.Events.Append(stream, events[0]);
            session.UpdateRevision(registered, current.Version + 1);
        }
        if (await ledger.CommitAsync(stream, cancellation) is { } refused) return refused.ToResult();

        registered.Version = current is null ? 1 : current.Version + 1;
        var body = YotRegistration.Of(registered);
        return current is null ? Results.Created($"/yots/{code}", body) : Results.Ok(body);
    }
}
