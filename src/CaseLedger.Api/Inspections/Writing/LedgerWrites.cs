using JasperFx;
using Npgsql;

namespace CaseLedger.Api.Inspections.Writing;

/// <summary>What every write to an inspection's ledger does around its decision: stamp who, which request and
/// which week on the events, and turn what the database refuses at commit into a problem for the client.</summary>
public static class LedgerWrites
{
    public const string RoleHeader = "role";
    public const string WeekHeader = "week";

    /// <summary>The valid time an event states (DESIGN §11), in <see cref="Instants.StoredFormat"/>; absent when
    /// it happened when recorded, so the recorded time (Marten's commit timestamp) stands for it.</summary>
    public const string OccurredAtHeader = "occurredAt";

    public static void Stamp(this IDocumentSession session, Actor actor, HttpContext http, int? week)
    {
        session.LastModifiedBy = actor.UserId;
        session.CorrelationId = http.CorrelationId();
        session.SetHeader(RoleHeader, actor.Role);
        if (week is { } number) session.SetHeader(WeekHeader, number);
    }

    /// <summary>Each event's own valid time, where its decision stated one: a batch's items may each state theirs.</summary>
    public static void StampValidTimes(this IReadOnlyList<IEvent> events, IReadOnlyList<DateTimeOffset?> occurredAt)
    {
        for (var i = 0; i < events.Count && i < occurredAt.Count; i++)
            if (occurredAt[i] is { } at) events[i].SetHeader(OccurredAtHeader, Instants.Stored(at));
    }

    /// <summary>
    /// Judgement writes do not rewrite the header, so they cannot rely on its revision to notice a week closing or
    /// the inspection being published while they decide. This check runs inside their commit, holding a share
    /// lock on the header row: a concurrent close or publish either waits for them or makes them fail.
    /// </summary>
    public static void RequireStillWritable(this IDocumentSession session, Guid inspectionId, int? week) =>
        session.QueueSqlCommand($"select {WriteGuard.QualifiedName}(?, ?)", inspectionId, week ?? WriteGuard.AnyWeek);

    private const string StreamVersionKey = "pk_mt_events_stream_and_version";
    private const int Attempts = 3;

    /// <summary>
    /// Runs one write to a ledger stream in a fresh session, again if it lost the race for the stream's next event
    /// version (see <see cref="LedgerSession.SaveAsync"/>): the refused transaction appended nothing, and the write
    /// decides again from fresh state, so nothing is lost or doubled.
    /// </summary>
    public static async Task<IResult> WithRetryAsync(LedgerSessions sessions, Func<LedgerSession, Task<IResult>> write, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var ledger = sessions.Open();
            try
            {
                return await write(ledger);
            }
            catch (Exception exception) when (IsStreamVersionCollision(exception) && attempt < Attempts)
            {
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellation);
            }
        }
    }

    public static bool IsStreamVersionCollision(Exception exception) =>
        Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: StreamVersionKey }
        || Find<EventStreamUnexpectedMaxEventIdException>(exception) is not null;

    public static Rejection? Refusal(Exception exception)
    {
        if (Find<ConcurrencyException>(exception) is not null)
            return Rejection.Conflict("Someone else changed this at the same moment; read it again and retry.");
        if (Find<Marten.Exceptions.ExistingStreamIdCollisionException>(exception) is not null
            || Find<ExistingStreamIdCollisionException>(exception) is not null
            || Find<DocumentAlreadyExistsException>(exception) is not null)
            return Rejection.Conflict("Something with this id already exists; choose another id or leave it out.");
        return Find<PostgresException>(exception)?.SqlState switch
        {
            WriteGuard.PublishedState => Rejection.Conflict("The inspection is published; its ledger is closed to writes."),
            WriteGuard.WeekState => Rejection.Conflict("The fieldwork week this write belongs to has closed; retry in the open week."),
            _ => null,
        };
    }

    public static T? Find<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is T found) return found;
        return null;
    }

    /// <summary>A document insert refused as a duplicate (not the stream-version race, which is retried).</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        !IsStreamVersionCollision(exception)
        && (Find<PostgresException>(exception)?.SqlState == PostgresErrorCodes.UniqueViolation
            || Find<DocumentAlreadyExistsException>(exception) is not null);
}
