using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Judging;

/// <summary>
/// Revising and moderating as the write pipeline runs them: both read the header, its framework and the judgement,
/// and both answer a change refused at commit with the judgement as it now stands, so the client can try again.
/// </summary>
public sealed record JudgementChangeCommand(
    Guid InspectionId,
    Guid JudgementId,
    FrameworkCatalog Frameworks,
    ChangeDecision.Change? Change,
    ChangeDecision.Kind Kind) : IInspectionCommand<CurrentJudgement>
{
    public async Task<Decision<CurrentJudgement>> DecideAsync(IQuerySession session, Actor actor, WriteClock clock, CancellationToken cancellation)
    {
        var (context, rejection) = await JudgingContext.LoadAsync(InspectionId, actor, session, Frameworks, cancellation);
        if (rejection is not null) return rejection;
        var current = await session.LoadAsync<CurrentJudgement>(JudgementId, cancellation);
        return ChangeDecision.Decide(context!, JudgementId, current, Change, Kind, clock);
    }

    public IResult Respond(CurrentJudgement changed) => Results.Ok(JudgementView.From(changed));

    public async Task<IResult?> ExplainAsync(Exception refused, Decision<CurrentJudgement> decision, IQuerySession query, CancellationToken cancellation)
    {
        if (LedgerWrites.Refusal(refused) is not { } rejection) return null;
        if (rejection.Status != StatusCodes.Status409Conflict) return rejection.ToResult();
        var now = await query.LoadAsync<CurrentJudgement>(JudgementId, cancellation);
        return (rejection with
        {
            Extensions = new Dictionary<string, object?> { ["current"] = now is null ? null : JudgementView.From(now) },
        }).ToResult();
    }
}
