using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Infrastructure;
using Marten;

namespace CaseLedger.Api.Inspections.Judging;

/// <summary>What every judgement write loads first: the actor, the inspection's header and its pinned framework.</summary>
public sealed record JudgingContext(Actor Actor, InspectionHeader Header, Framework Framework)
{
    public static async Task<(JudgingContext? Context, Rejection? Rejection)> LoadAsync(
        Guid inspectionId, HttpContext http, IQuerySession session, FrameworkCatalog frameworks, CancellationToken cancellation)
    {
        if (Actor.From(http) is not { } actor) return (null, Rejection.Unauthenticated());
        var header = await session.LoadAsync<InspectionHeader>(inspectionId, cancellation);
        if (header is null) return (null, InspectionRules.NotFound(inspectionId));
        if (InspectionRules.TeamOnly(header, actor) is { } notOnTeam) return (null, notOnTeam);
        var framework = frameworks.Find(header.FrameworkId, header.FrameworkVersion)
            ?? throw new InvalidOperationException($"Inspection {header.Id} pins framework {header.FrameworkId} v{header.FrameworkVersion}, which is not loaded.");
        return (new JudgingContext(actor, header, framework), null);
    }
}
