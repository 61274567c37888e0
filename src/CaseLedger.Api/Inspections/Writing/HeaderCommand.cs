
namespace CaseLedger.Api.Inspections.Writing;

/// <summary>A command that changes the header (sample, weeks, publication): it reads the header alone, and its
/// decision stores the evolved header under its next revision, so two such commands racing cannot both win.</summary>
public sealed record HeaderCommand(
    Guid InspectionId,
    Func<InspectionHeader, Actor, WriteClock, Decision<InspectionHeader>> Decide,
    Func<InspectionHeader, IResult> Reply) : IInspectionCommand<InspectionHeader>
{
    public async Task<Decision<InspectionHeader>> DecideAsync(IQuerySession session, Actor actor, WriteClock clock, CancellationToken cancellation) =>
        await session.LoadAsync<InspectionHeader>(InspectionId, cancellation) is { } header
            ? Decide(header, actor, clock)
            : InspectionRules.NotFound(InspectionId);

    public IResult Respond(InspectionHeader state) => Reply(state);

    /// <summary>The header after <paramref name="events"/>, which happened at <paramref name="occurredAt"/> (null:
    /// now, as they are recorded), stored as its next revision; none, and nothing changes.</summary>
    public static Decision<InspectionHeader> Evolve(InspectionHeader header, WriteClock clock, DateTimeOffset? occurredAt, params object[] events)
    {
        if (events.Length == 0) return Decision<InspectionHeader>.Unchanged(header);
        var evolved = events.Aggregate(header, (state, @event) => state.Apply(@event, occurredAt ?? clock.Now));
        return new Decision<InspectionHeader>
        {
            Events = events,
            Writes = [DocumentWrite.Revise(evolved, header.Version + 1)],
            State = evolved,
            Week = header.OpenWeek,
        }.HappenedAt(occurredAt);
    }
}
