using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Sampling;

public sealed record AddCase(
    Guid? Id,
    string? Reference,
    string? SentenceType,
    string? Setting,
    int? AgeAtStart,
    string? Gender,
    string? Ethnicity,
    string? RiskOfHarm,
    string? Status,
    string? OccurredAt = null);

public static class AddCaseEndpoint
{
    public const int MaxSample = 500;
    public static readonly IReadOnlyList<string> Genders = ["female", "male", "other", "not-stated"];
    public static readonly IReadOnlyList<string> Statuses = ["current", "terminated"];

    /// <summary>Pure: the case joins the sample, or the reason it cannot. A case is anonymised: a reference,
    /// never a name.</summary>
    public static Decision<InspectionHeader> Decide(
        InspectionHeader header, Actor actor, AddCase command, Guid newId, WriteClock clock)
    {
        if ((InspectionRules.LeadOnly(header, actor, "choose the case sample") ?? InspectionRules.Writable(header)) is { } refused)
            return refused;

        var errors = new FieldErrors();
        errors.RequireText(command.Reference, "reference", 20);
        errors.OneOf(command.SentenceType, "sentenceType", FrameworkVocabulary.SentenceTypes);
        errors.OneOf(command.Setting, "setting", FrameworkVocabulary.Settings);
        errors.Require(command.AgeAtStart is null or (>= 10 and <= 21), "ageAtStart", "must be between 10 and 21.");
        errors.OneOf(command.Gender, "gender", Genders, required: false);
        errors.OptionalText(command.Ethnicity, "ethnicity", 60);
        errors.OneOf(command.RiskOfHarm, "riskOfHarm", FrameworkVocabulary.RiskOfHarm, required: false);
        errors.OneOf(command.Status, "status", Statuses, required: false);
        var occurredAt = ValidTimes.Parse(errors, ValidTimes.Field, command.OccurredAt);
        ValidTimes.Check(errors, ValidTimes.Field, occurredAt, ValidTimes.ForHeader(header, clock));
        if (errors.ToRejection() is { } invalid) return invalid;

        var sampled = new SampledCase(command.Id ?? newId, command.Reference!.Trim(), command.SentenceType!, command.Setting!,
            command.AgeAtStart, command.Gender, command.Ethnicity?.Trim(), command.RiskOfHarm, command.Status ?? "current");

        if (header.FindCase(sampled.Id) is { } existing)
            return existing == sampled
                ? Decision<InspectionHeader>.Unchanged(header)
                : Rejection.Conflict("A different case already has this id.", extensions: new Dictionary<string, object?> { ["existing"] = existing });
        if (header.Sample.FirstOrDefault(@case => @case.Reference == sampled.Reference) is { } sameReference)
            return Rejection.Conflict($"Case reference '{sampled.Reference}' is already in the sample.",
                extensions: new Dictionary<string, object?> { ["existing"] = sameReference });
        if (header.Sample.Count >= MaxSample)
            return Rejection.Conflict($"The sample already holds {MaxSample} cases, the most an inspection takes.");

        return HeaderCommand.Evolve(header, clock, occurredAt, new CaseAddedToSample(sampled));
    }

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/cases", OperationId = "AddCase")]
    [Tags(Capability.Inspections)]
    [EndpointSummary("Add a case to the sample")]
    [EndpointDescription("The lead adds a case to the inspection's sample: reference, sentence type, setting and profile. Returns the case with `Location`. 400 for bad fields; 404 for an inspection outside reach; 409 when the reference is already sampled, the id belongs to another case (`existing`), the sample is full, or the inspection is published.")]
    [ProducesResponseType<SampledCase>(201, "application/json")]
    [ProblemResponses(400, 401, 403, 404, 409, 413)]
    public static Task<IResult> Post(
        Guid id, AddCase command, HttpContext http, LedgerSessions ledger, TimeProvider clock, CancellationToken cancellation)
    {
        if (command is null) return Task.FromResult(Rejection.MissingBody().ToResult());
        // Chosen once, so a retried attempt adds the same case rather than a second one.
        var caseId = command.Id ?? Guid.NewGuid();
        return WritePipeline.RunAsync(
            new HeaderCommand(id, (header, actor, clock) => Decide(header, actor, command with { Id = caseId }, caseId, clock),
                header => Results.Created($"/inspections/{id}/cases/{caseId}", header.FindCase(caseId))),
            http, ledger, clock, cancellation);
    }
}
