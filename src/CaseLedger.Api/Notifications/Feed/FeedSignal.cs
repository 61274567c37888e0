namespace CaseLedger.Api.Notifications.Feed;

/// <summary>
/// Wakes this process's waiting feed requests when the feed grows. A request takes <see cref="Next"/> before it
/// reads, and waits on it only if the read was empty: an entry landing between the read and the wait has already
/// completed the task it holds, so no wake-up falls in the gap. Each wake-up completes every waiter at once and
/// hands later ones a fresh task; the waiters read again, so a wake-up that brings nothing for them costs one query.
/// </summary>
public sealed class FeedSignal
{
    private TaskCompletionSource anyEntry = Fresh();
    private TaskCompletionSource notice = Fresh();

    /// <summary>Completes when the feed next grows by an entry this audience may see (or when it may have).</summary>
    public Task Next(FeedAudience audience) => Volatile.Read(ref audience == FeedAudience.Everything ? ref anyEntry : ref notice).Task;

    /// <summary>A batch of entries committed; <paramref name="forReporting"/> when one of them is a notice.</summary>
    public void Grew(bool forReporting)
    {
        Wake(ref anyEntry);
        if (forReporting) Wake(ref notice);
    }

    /// <summary>Wakes everyone: after the listener lost its connection, a notification may have gone unheard.</summary>
    public void WakeAll() => Grew(forReporting: true);

    private static void Wake(ref TaskCompletionSource waiters) => Interlocked.Exchange(ref waiters, Fresh()).TrySetResult();

    // Continuations run off the listener's thread, so a burst of waiters never holds up the next notification.
    private static TaskCompletionSource Fresh() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
