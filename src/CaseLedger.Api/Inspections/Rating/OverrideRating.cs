using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Api.Scores;

namespace CaseLedger.Api.Inspections.Rating;

public sealed record OverrideRating(string? Rating, string? Rationale, string? OccurredAt = null);

/// <summary>
/// The lead departs from a case-sample standard's derived rating, with a rationale: <c>RatingOverridden</c>. This
/// is allowed only where the framework's rules let inspectors do so. Views show both ratings and mark the override. Overriding back to
/// the derived rating withdraws the departure, and that too is an event.
/// </summary>
public static class OverrideRatingEndpoint
{
    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/ratings/{standardId}/override", OperationId = "OverrideRating")]
    [Tags(Capability.Ratings)]
    [EndpointSummary("Override a derived rating")]
    [EndpointDescription("The lead sets a case-sample standard's rating apart from the one its lowest key question gives, with a `rationale`: `RatingOverridden`, which keeps the derived rating beside it. Allowed only where the framework's rules let inspectors depart from a derived rating. Returns the rating. 400 for bad fields; 404 outside reach or for a standard the framework does not rate from key questions; 409 when the rules allow no override, when nothing is derived yet, when the rating is already the one that stands, or once published.")]
    [ProducesResponseType<RatingAnswer>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404, 409, 413)]
    public static Task<IResult> Post(
        Guid id, string standardId, OverrideRating command, HttpContext http, LedgerSessions ledger, ScoringSchemes schemes, TimeProvider clock,
        CancellationToken cancellation) =>
        WritePipeline.RunAsync(new Overriding(id, standardId, command, schemes), http, ledger, clock, cancellation);

    /// <summary>Pure: the override, or why the lead cannot make it.</summary>
    public static Decision<RatingAnswer> Decide(RatingContext context, string standardId, OverrideRating? command, WriteClock clock)
    {
        if (context.Allowed("override ratings") is { } refused) return refused;
        var rules = context.Framework.Ratings;
        var standard = rules?.Standards.FirstOrDefault(candidate => candidate.Id == standardId && !candidate.IsFromEvidence);
        if (standard is null)
            return Rejection.NotFound("No such rated standard.", $"{context.Framework.Id} rates no standard '{standardId}' from key questions.");
        if (!rules!.Overrides.Allowed)
            return Rejection.Conflict("This framework's rules do not let inspectors depart from a derived rating.", rules.Overrides.Provenance);
        if (command is null) return Rejection.MissingBody();

        var errors = new FieldErrors();
        RatingContext.CheckFields(errors, command.Rating, [.. rules.Scale.Select(level => level.Id)], command.Rationale);
        var occurredAt = ValidTimes.Parse(errors, ValidTimes.Field, command.OccurredAt);
        ValidTimes.Check(errors, ValidTimes.Field, occurredAt, ValidTimes.ForHeader(context.Header, clock));
        if (errors.ToRejection() is { } invalid) return invalid;

        var rated = context.Board!.Get(standardId);
        if (rated.Derived is not { } derived)
            return Rejection.Conflict("Nothing is derived to depart from yet.", $"No key question of standard '{standardId}' has an applicable answer.");
        var rationale = command.Rationale!.Trim();
        var answer = new RatingAnswer(standardId, command.Rating!, derived, command.Rating != derived, rationale, context.Actor.UserId);
        if (context.Latest(RatingEntry.Override, standardId) is { } latest
            && latest.Rating == command.Rating && latest.Rationale == rationale && latest.By == context.Actor.UserId && latest.Derived == derived)
            return Decision<RatingAnswer>.Unchanged(answer);
        if (rated.Rating == command.Rating)
            return Rejection.Conflict($"Standard '{standardId}' is already rated '{command.Rating}'.",
                rated.Overridden ? "The override stands." : "That is the rating its key questions give; an override departs from it.");
        return context.Append(new RatingOverridden(standardId, derived, command.Rating!, rationale), answer, occurredAt);
    }

    private sealed record Overriding(Guid InspectionId, string StandardId, OverrideRating? Command, ScoringSchemes Schemes) : IInspectionCommand<RatingAnswer>
    {
        public async Task<Decision<RatingAnswer>> DecideAsync(IQuerySession session, Actor actor, WriteClock clock, CancellationToken cancellation)
        {
            var (context, rejection) = await RatingContext.LoadAsync(InspectionId, actor, session, Schemes, cancellation);
            return rejection is not null ? rejection : Decide(context!, StandardId, Command, clock);
        }

        public IResult Respond(RatingAnswer answer) => Results.Ok(answer);
    }
}
