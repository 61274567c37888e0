using CaseLedger.Api.Notifications.Enrolment;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace CaseLedger.Api.Inspections.Writing;

/// <summary>
/// One attempt at a write to a ledger stream (an inspection, a YOT): a Marten session enlisted in Wolverine's
/// outbox, so what the write enrols for delivery commits in its transaction and is sent only once it has.
/// </summary>
public sealed class LedgerSession(IDocumentSession session, IMessageBus outbox, NoticeEnrolment enrolment) : IAsyncDisposable
{
    public IDocumentSession Session => session;

    /// <summary>
    /// Commits under the stream's advisory lock, taken inside the commit's transaction. Marten numbers a stream's
    /// events as it appends them, so two sessions appending to one stream at once would pick the same number and
    /// one would fail; under the lock they queue for the one round trip a commit takes, and the notices the write
    /// gives are enrolled knowing the versions their events take. Decisions are made before the lock: every race
    /// they could lose is caught at commit by the database (the unique index, revisions, the write guard).
    /// Reads and other streams never wait.
    /// </summary>
    public async Task SaveAsync(Guid streamId, CancellationToken cancellation)
    {
        // A uuid's text in PostgreSQL is .NET's "D" format, so this is the lock the stream's writers always took.
        await session.TakeAsync(streamId.ToString(), cancellation);
        await enrolment.EnrolAsync(session, outbox, streamId, cancellation);
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>Commits; a refusal by the database comes back as a rejection, anything else is thrown.</summary>
    public async Task<Rejection?> CommitAsync(Guid streamId, CancellationToken cancellation)
    {
        try
        {
            await SaveAsync(streamId, cancellation);
            return null;
        }
        catch (Exception exception) when (!LedgerWrites.IsStreamVersionCollision(exception) && LedgerWrites.Refusal(exception) is { } rejection)
        {
            return rejection;
        }
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();
}

/// <summary>Opens <see cref="LedgerSession"/>s, each with a message context of its own: an attempt that loses a
/// race and is run again must not carry the first attempt's messages into the second's commit.</summary>
public sealed class LedgerSessions(OutboxedSessionFactory outboxed, IWolverineRuntime runtime, NoticeEnrolment enrolment)
{
    public LedgerSession Open()
    {
        var context = new MessageContext(runtime);
        return new LedgerSession(outboxed.OpenSession(context), context, enrolment);
    }
}
