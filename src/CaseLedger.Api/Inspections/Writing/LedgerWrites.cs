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
    /// Runs one write to an inspection's ledger in a fresh session, again if it lost the race for the stream's next
    /// event version (see <see cref="SaveLedgerAsync"/>): the refused transaction appended nothing, and the write
    /// decides again from fresh state, so nothing is lost or doubled.
    /// </summary>
    public static async Task<IResult> WithRetryAsync(IDocumentStore store, Func<IDocumentSession, Task<IResult>> write, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            try
            {
                return await write(session);
            }
            catch (Exception exception) when (IsStreamVersionCollision(exception) && attempt < Attempts)
            {
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellation);
            }
        }
    }

    /// <summary>
    /// Commits a decided write under the inspection's advisory lock, taken inside the commit's transaction. Marten
    /// numbers a stream's events as it appends them, so two sessions appending to one inspection at once would pick
    /// the same number and one would fail; under the lock they queue for the one round trip a commit takes.
    /// Decisions are made before the lock: every race they could lose is caught at commit by the database
    /// (the unique index, revisions, the write guard). Reads and other inspections never wait.
    /// </summary>
    public static async Task SaveLedgerAsync(this IDocumentSession session, Guid inspectionId, CancellationToken cancellation)
    {
        await session.BeginTransactionAsync(cancellation);
        await using (var command = ((NpgsqlConnection)session.Connection!).CreateCommand())
        {
            command.CommandText = "select pg_advisory_xact_lock(hashtextextended(@inspection::text, 0))";
            command.Parameters.AddWithValue("inspection", inspectionId);
            await command.ExecuteNonQueryAsync(cancellation);
        }
        await session.SaveChangesAsync(cancellation);
    }

    public static bool IsStreamVersionCollision(Exception exception) =>
        Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: StreamVersionKey }
        || Find<EventStreamUnexpectedMaxEventIdException>(exception) is not null;

    /// <summary>Commits; a refusal by the database comes back as a rejection, anything else is thrown.</summary>
    public static async Task<Rejection?> CommitAsync(this IDocumentSession session, Guid inspectionId, CancellationToken cancellation)
    {
        try
        {
            await session.SaveLedgerAsync(inspectionId, cancellation);
            return null;
        }
        catch (Exception exception) when (!IsStreamVersionCollision(exception) && Refusal(exception) is { } rejection)
        {
            return rejection;
        }
    }

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
