using CaseLedger.Api.Infrastructure;
using Marten;

namespace CaseLedger.Api.Inspections;

/// <summary>
/// The shape shared by every command that changes the header (sample, weeks, publication): load it, let a pure
/// decision produce events, append them, and store the evolved header under its next revision, so two such
/// commands racing on one inspection cannot both win.
/// </summary>
public static class HeaderWrites
{
    public delegate (IReadOnlyList<object> Events, Rejection? Rejection) Decision(InspectionHeader header, Actor actor);

    public static async Task<(InspectionHeader? Header, Rejection? Rejection)> ApplyAsync(
        Guid inspectionId, HttpContext http, IDocumentSession session, TimeProvider clock,
        Decision decide, CancellationToken cancellation)
    {
        if (Actor.From(http) is not { } actor) return (null, Rejection.Unauthenticated());
        var header = await session.LoadAsync<InspectionHeader>(inspectionId, cancellation);
        if (header is null) return (null, InspectionRules.NotFound(inspectionId));

        var (events, rejection) = decide(header, actor);
        if (rejection is not null) return (null, rejection);
        if (events.Count == 0) return (header, null);

        var now = clock.GetUtcNow();
        var weekOfTheseEvents = header.OpenWeek;
        var evolved = events.Aggregate(header, (state, @event) => state.Apply(@event, now));
        session.Stamp(actor, http, weekOfTheseEvents);
        session.Events.Append(inspectionId, events.ToArray());
        session.UpdateRevision(evolved, header.Version + 1);
        return await session.CommitAsync(inspectionId, cancellation) is { } refused ? (null, refused) : (evolved, null);
    }
}
