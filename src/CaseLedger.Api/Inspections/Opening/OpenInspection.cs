using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Yots;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Opening;

public sealed record OpenInspection(
    Guid? Id,
    string? FrameworkId,
    int? FrameworkVersion,
    OpenInspection.YotInput? Yot,
    string? Title,
    IReadOnlyList<OpenInspection.WeekInput>? FieldworkWeeks,
    IReadOnlyList<OpenInspection.MemberInput>? Team,
    string? OccurredAt = null)
{
    public sealed record YotInput(string? Code, string? Name, string? Region);

    public sealed record WeekInput(int? Number, DateOnly? StartsOn);

    public sealed record MemberInput(string? UserId, string? Role);
}

public static class OpenInspectionEndpoint
{
    public const int MaxWeeks = 12;
    public const int MaxTeam = 50;

    /// <summary>
    /// Pure: the event that opens the inspection's stream and its first header, or why it cannot be opened. The YOT is the register's
    /// (<paramref name="registered"/>, null when the code is not registered): an inspection may repeat its name and
    /// region but never set them, so no inspection can rename, move or impersonate a YOT.
    /// </summary>
    public static Decision<InspectionHeader> Decide(
        OpenInspection command, Actor actor, FrameworkCatalog frameworks, RegisteredYot? registered, Guid newId, WriteClock clock)
    {
        if (actor.Role != Roles.LeadInspector)
            return Rejection.Forbidden("Only a lead inspector may open an inspection.");

        var errors = new FieldErrors();
        var framework = command.FrameworkId is null ? null : frameworks.Resolve(command.FrameworkId, command.FrameworkVersion);
        if (command.FrameworkId is null) errors.Add("frameworkId", $"is required: one of {string.Join(", ", frameworks.All.Select(f => f.Id).Distinct())}.");
        else if (framework is null)
            errors.Add(command.FrameworkVersion is null ? "frameworkId" : "frameworkVersion",
                $"no framework '{command.FrameworkId}'{(command.FrameworkVersion is { } v ? $" version {v}" : "")} is known.");

        if (command.Yot is not { } yot) errors.Add("yot", "is required: {code}, the YOT's code in the register.");
        else
        {
            errors.RequireText(yot.Code, "yot.code", YotCodes.MaxLength);
            if (yot.Code is { Length: > 0 } code && !YotCodes.IsValid(code)) errors.Add("yot.code", YotCodes.Rule);
            else if (yot.Code is { Length: > 0 } && registered is null)
                errors.Add("yot.code", $"'{yot.Code}' is not in the register of YOTs; an administrator registers it with PUT /yots/{yot.Code}.");
            if (yot.Name is not null && string.IsNullOrWhiteSpace(yot.Name)) errors.Add("yot.name", "must not be blank; leave it out to take the register's.");
            errors.OptionalText(yot.Name, "yot.name", RegisterYotEndpoint.MaxNameLength);
            errors.OneOf(yot.Region, "yot.region", Regions.All, required: false);
        }
        errors.OptionalText(command.Title, "title", 200);
        var occurredAt = ValidTimes.Parse(errors, ValidTimes.Field, command.OccurredAt);
        ValidTimes.Check(errors, ValidTimes.Field, occurredAt, ValidRange.NotFuture(clock));

        var weeks = command.FieldworkWeeks ?? [];
        if (weeks.Count is 0 or > MaxWeeks) errors.Add("fieldworkWeeks", $"must list between 1 and {MaxWeeks} weeks.");
        for (var i = 0; i < weeks.Count; i++)
        {
            if (weeks[i].Number != i + 1) errors.Add($"fieldworkWeeks[{i}].number", $"must be {i + 1}: weeks are numbered 1, 2, ... in order.");
            if (weeks[i].StartsOn is not { } starts) errors.Add($"fieldworkWeeks[{i}].startsOn", "is required (yyyy-mm-dd).");
            else if (i > 0 && weeks[i - 1].StartsOn is { } previous && starts <= previous)
                errors.Add($"fieldworkWeeks[{i}].startsOn", "must be after the previous week's start.");
        }

        var team = command.Team ?? [];
        if (team.Count > MaxTeam) errors.Add("team", $"must have at most {MaxTeam} members.");
        for (var i = 0; i < team.Count; i++)
        {
            errors.RequireText(team[i].UserId, $"team[{i}].userId", 100);
            errors.OneOf(team[i].Role, $"team[{i}].role", TeamRoles.All);
        }
        if (team.Select(member => member.UserId).Distinct().Count() != team.Count)
            errors.Add("team", "names a user more than once.");
        var leads = team.Where(member => member.Role == TeamRoles.LeadInspector).ToList();
        if (leads.Count > 1 || leads.Any(lead => lead.UserId != actor.UserId))
            errors.Add("team", "the lead inspector is the one who opens the inspection; name no other lead.");
        if (errors.ToRejection() is { } invalid) return invalid;
        if ((command.Yot!.Name is { } name && name.Trim() != registered!.Name) || (command.Yot.Region is { } region && region != registered!.Region))
            return Rejection.Conflict(
                "The YOT's name or region differs from the register's.",
                $"The register holds '{registered.Id}' as '{registered.Name}', {registered.Region}. Send the code alone, or the register's values; an administrator changes them with PUT /yots/{registered.Id}.",
                new Dictionary<string, object?> { ["registered"] = registered.Reference });

        var members = team.Where(member => member.UserId != actor.UserId)
            .Select(member => new TeamMember(member.UserId!, member.Role!))
            .Prepend(new TeamMember(actor.UserId, TeamRoles.LeadInspector))
            .ToList();
        var opened = new InspectionOpened(
            command.Id ?? newId,
            framework!.Id,
            framework.Version,
            registered!.Reference,
            string.IsNullOrWhiteSpace(command.Title) ? $"{framework.Name}: {registered.Name}" : command.Title.Trim(),
            [.. weeks.Select(week => new PlannedWeek(week.Number!.Value, week.StartsOn!.Value))],
            members);
        var header = InspectionHeader.Start(opened, occurredAt ?? clock.Now);
        return new Decision<InspectionHeader> { Events = [opened], StartsStream = true, Writes = [DocumentWrite.Insert(header)], State = header }
            .HappenedAt(occurredAt);
    }

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections", OperationId = "OpenInspection")]
    [Tags(Capability.Inspections)]
    [EndpointSummary("Open an inspection")]
    [EndpointDescription("A lead inspector opens an inspection and leads it: the framework, the YOT by its code in the register, the fieldwork weeks and the team. Returns the inspection's summary with `Location`. 400 for bad fields (a YOT code the register does not hold names `PUT /yots/{code}`); 409 when `yot.name` or `yot.region` differ from the register (the body's `registered` gives its values) or the id is taken. Repeating the same request with the same id answers as the first did.")]
    [ProducesResponseType<InspectionSummary>(201, "application/json")]
    [ProblemResponses(400, 401, 403, 409, 413)]
    public static Task<IResult> Post(
        OpenInspection command, HttpContext http, LedgerSessions ledger, FrameworkCatalog frameworks,
        TimeProvider clock, CancellationToken cancellation) =>
        WritePipeline.RunAsync(new Opening(command, frameworks, Guid.NewGuid()), http, ledger, clock, cancellation);

    /// <summary>Opening reads no header (there is none yet), only the register's entry for the YOT.</summary>
    private sealed record Opening(OpenInspection? Command, FrameworkCatalog Frameworks, Guid NewId) : IInspectionCommand<InspectionHeader>
    {
        public Guid InspectionId => Command?.Id ?? NewId;

        public async Task<Decision<InspectionHeader>> DecideAsync(IQuerySession session, Actor actor, WriteClock clock, CancellationToken cancellation)
        {
            if (Command is null) return Rejection.MissingBody();
            var registered = YotCodes.IsValid(Command.Yot?.Code) ? await session.LoadAsync<RegisteredYot>(Command.Yot!.Code!, cancellation) : null;
            return Decide(Command, actor, Frameworks, registered, NewId, clock);
        }

        public IResult Respond(InspectionHeader header) => Results.Created($"/inspections/{header.Id}", InspectionSummary.From(header, version: 1, milestones: null));
    }
}
