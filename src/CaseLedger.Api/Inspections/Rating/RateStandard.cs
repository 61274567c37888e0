using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Api.Scores;

namespace CaseLedger.Api.Inspections.Rating;

public sealed record RateStandard(string? StandardId, string? Rating, string? Rationale, string? OccurredAt = null);

/// <summary>
/// The lead rates a standard from evidence, with a rationale: <c>StandardRated</c>. It serves a rated framework's
/// evidence standards (governance, staff, partnerships, information), and a theme a person rates in any framework
/// (FJI's governance and partnerships), on that framework's own scale. A later rating replaces an earlier one; both
/// stay in the ledger.
/// </summary>
public static class RateStandardEndpoint
{
    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/ratings", OperationId = "RateStandard")]
    [Tags(Capability.Ratings)]
    [EndpointSummary("Rate a standard from evidence")]
    [EndpointDescription("The lead records the rating of a standard rated from evidence (or of a theme a person rates, such as FJI's governance and partnerships), with a `rationale` and optionally when it was decided (`occurredAt`): `StandardRated`. `rating` is one of the framework's ratings. Returns the rating. 400 for bad fields, or a standard that is rated from its key questions (override those instead); 404 outside reach; 409 once published. Sending the same rating again answers as done.")]
    [ProducesResponseType<RatingAnswer>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404, 409, 413)]
    public static Task<IResult> Post(
        Guid id, RateStandard command, HttpContext http, LedgerSessions ledger, ScoringSchemes schemes, TimeProvider clock, CancellationToken cancellation) =>
        WritePipeline.RunAsync(new Rating(id, command, schemes), http, ledger, clock, cancellation);

    /// <summary>Pure: the rating event, or why it cannot be recorded.</summary>
    public static Decision<RatingAnswer> Decide(RatingContext context, RateStandard? command, WriteClock clock)
    {
        if (context.Allowed("rate standards") is { } refused) return refused;
        if (command is null) return Rejection.MissingBody();
        var errors = new FieldErrors();
        var evidenceRated = EvidenceRated(context);
        if (string.IsNullOrWhiteSpace(command.StandardId) || !evidenceRated.ContainsKey(command.StandardId))
            errors.Add("standardId", context.Framework.Ratings?.Standards.Any(standard => standard.Id == command.StandardId) == true
                ? $"'{command.StandardId}' is rated from its key questions; to depart from its derived rating, override it (POST /inspections/{{id}}/ratings/{command.StandardId}/override)."
                : $"must be one of the standards {context.Framework.Id} rates from evidence: {string.Join(", ", evidenceRated.Keys)}.");
        var scale = command.StandardId is { } standardId && evidenceRated.TryGetValue(standardId, out var ratings) ? ratings : [];
        RatingContext.CheckFields(errors, command.Rating, scale, command.Rationale);
        var occurredAt = ValidTimes.Parse(errors, ValidTimes.Field, command.OccurredAt);
        ValidTimes.Check(errors, ValidTimes.Field, occurredAt, ValidTimes.ForHeader(context.Header, clock));
        if (errors.ToRejection() is { } invalid) return invalid;

        var rationale = command.Rationale!.Trim();
        var answer = new RatingAnswer(command.StandardId!, command.Rating!, command.Rating, false, rationale, context.Actor.UserId);
        if (context.Latest(RatingEntry.Evidence, command.StandardId!) is { } latest
            && latest.Rating == command.Rating && latest.Rationale == rationale && latest.By == context.Actor.UserId)
            return Decision<RatingAnswer>.Unchanged(answer);
        return context.Append(new StandardRated(command.StandardId!, command.Rating!, rationale), answer, occurredAt);
    }

    /// <summary>What a person rates in this framework, each with the ratings it may be given: a rated framework's
    /// evidence standards on its scale, and the themes a person rates on the framework's bands.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> EvidenceRated(RatingContext context)
    {
        var framework = context.Framework;
        var byStandard = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var standard in framework.Ratings?.Standards.Where(standard => standard.IsFromEvidence) ?? [])
            byStandard[standard.Id] = [.. framework.Ratings!.Scale.Select(level => level.Id)];
        foreach (var theme in framework.Themes.Where(theme => theme.JudgedBy is not null))
            byStandard[theme.Id] = [.. framework.Banding.Bands.Select(band => band.Id)];
        return byStandard;
    }

    private sealed record Rating(Guid InspectionId, RateStandard? Command, ScoringSchemes Schemes) : IInspectionCommand<RatingAnswer>
    {
        public async Task<Decision<RatingAnswer>> DecideAsync(IQuerySession session, Actor actor, WriteClock clock, CancellationToken cancellation)
        {
            var (context, rejection) = await RatingContext.LoadAsync(InspectionId, actor, session, Schemes, cancellation);
            return rejection is not null ? rejection : Decide(context!, Command, clock);
        }

        public IResult Respond(RatingAnswer answer) => Results.Ok(answer);
    }
}
