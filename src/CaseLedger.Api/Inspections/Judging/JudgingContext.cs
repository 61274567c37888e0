using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Inspections.Judging;

/// <summary>What every judgement decision reads first: the actor, the inspection's header and its pinned framework.</summary>
public sealed record JudgingContext(Actor Actor, InspectionHeader Header, Framework Framework)
{
    public static async Task<(JudgingContext? Context, Rejection? Rejection)> LoadAsync(
        Guid inspectionId, Actor actor, IQuerySession session, FrameworkCatalog frameworks, CancellationToken cancellation)
    {
        var header = await session.LoadAsync<InspectionHeader>(inspectionId, cancellation);
        if (header is null) return (null, InspectionRules.NotFound(inspectionId));
        if (InspectionRules.TeamOnly(header, actor) is { } notOnTeam) return (null, notOnTeam);
        var framework = frameworks.Find(header.FrameworkId, header.FrameworkVersion)
            ?? throw new InvalidOperationException($"Inspection {header.Id} pins framework {header.FrameworkId} v{header.FrameworkVersion}, which is not loaded.");
        return (new JudgingContext(actor, header, framework), null);
    }

    /// <summary>
    /// A judgement write: its events fall in the week open now, and since it leaves the header's revision alone it
    /// asks the commit to check that week and the publication again; a correction, made after publication (which
    /// is final), has nothing to check.
    /// </summary>
    public Decision<TState> Append<TState>(
        TState state, IReadOnlyList<object> events, IReadOnlyList<DocumentWrite> writes, bool afterPublication = false) => new()
    {
        Events = events,
        Writes = writes,
        State = state,
        Week = Header.OpenWeek,
        RequiresStillWritable = !afterPublication,
    };
}
