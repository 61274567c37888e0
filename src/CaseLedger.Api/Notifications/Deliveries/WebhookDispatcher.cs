using Wolverine;
using CaseLedger.Api.Notifications.Subscriptions;
using CaseLedger.Api.Telemetry;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace CaseLedger.Api.Notifications.Deliveries;

/// <summary>
/// Makes one attempt at a delivery, in three steps: claim it (is it still this message's turn, is the subscription
/// enabled, is every earlier delivery of its stream finished?), POST it, and record what came back with what
/// follows (a retry scheduled in the outbox, the next delivery of the stream let go, and made at once). Claim and record each hold
/// the subscription's advisory lock, so a delivery that starts waiting and the one that frees it cannot miss each
/// other, on any node; the POST holds no lock and no connection. A node that dies mid-attempt leaves the message
/// in Wolverine's inbox, and the attempt is made again under the same <c>webhook-id</c>.
/// </summary>
public sealed class WebhookDispatcher(
    IDocumentStore store, OutboxedSessionFactory outbox, IWolverineRuntime runtime, WebhookSender sender, WebhookSettings settings,
    TimeProvider clock, CaseLedgerMetrics metrics)
{
    /// <summary>How often a held queue looks again whether the operator has lifted <see cref="WebhookSettings.Hold"/>.</summary>
    public static readonly TimeSpan HoldRecheck = TimeSpan.FromSeconds(5);

    public async Task DeliverAsync(DeliverWebhook message, IMessageContext context, CancellationToken cancellation)
    {
        if (settings.Hold)
        {
            await context.ReScheduleCurrentAsync(clock.GetUtcNow() + HoldRecheck);
            return;
        }
        if (await ClaimAsync(message, cancellation) is not var (delivery, subscription)) return;
        // A delivery that finishes hands the next of its stream, when that one waits for it, straight back here:
        // under a burst the stream's deliveries go one after another with no trip through the queue between them.
        while (true)
        {
            var attempt = await sender.PostAsync(delivery, subscription, cancellation);
            if (await RecordAsync(new DeliverWebhook(delivery.Id, delivery.Ticket), attempt, cancellation) is not var (next, itsSubscription)) return;
            (delivery, subscription) = (next, itsSubscription);
        }
    }

    /// <summary>How long a delivery handed on in a handler may take before a message of its own takes it over, had
    /// the node died with it: longer than any attempt, and short against the retry schedule.</summary>
    public TimeSpan TakeOver => settings.Timeout * 3 + TimeSpan.FromSeconds(30);

    private async Task<(WebhookDelivery, Subscription)?> ClaimAsync(DeliverWebhook message, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<WebhookDelivery>(message.DeliveryId, cancellation) is not { } enrolled) return null;
        await session.TakeAsync(LockKey(enrolled.SubscriptionId), cancellation);

        var delivery = await session.LoadAsync<WebhookDelivery>(message.DeliveryId, cancellation);
        if (delivery is null || delivery.Ticket != message.Ticket || delivery.State is not (DeliveryState.Pending or DeliveryState.Waiting))
            return null;
        if (await session.LoadAsync<Subscription>(delivery.SubscriptionId, cancellation) is not { } subscription) return null;
        if (subscription.Disabled)
            return await ParkAsync(session, delivery with { State = DeliveryState.Held, Note = "Held: " + subscription.DisabledReason }, cancellation);
        if (await EarlierUnfinishedAsync(session, delivery, cancellation))
            return await ParkAsync(session, delivery with
            {
                State = DeliveryState.Waiting,
                Note = $"Waiting for an earlier delivery of this {(delivery.InspectionId is null ? "YOT" : "inspection")} to finish.",
            }, cancellation);
        if (delivery.State == DeliveryState.Waiting)
        {
            delivery = delivery with { State = DeliveryState.Pending, Note = null };
            session.Store(delivery);
            await session.SaveChangesAsync(cancellation);
        }
        return (delivery, subscription);
    }

    private static async Task<(WebhookDelivery, Subscription)?> ParkAsync(IDocumentSession session, WebhookDelivery parked, CancellationToken cancellation)
    {
        session.Store(parked);
        await session.SaveChangesAsync(cancellation);
        return null;
    }

    /// <summary>Records the attempt and what follows; returns the stream's next delivery when it was waiting for
    /// this one and is now claimed for the caller to make.</summary>
    private async Task<(WebhookDelivery, Subscription)?> RecordAsync(DeliverWebhook message, DeliveryAttempt attempt, CancellationToken cancellation)
    {
        // A message context of its own for each record: the handler's context sends what it holds once, at its first
        // commit, and Wolverine warns that what is scheduled into it after that will not be sent. A delivery handed on
        // here is recorded by a second commit, whose retry or take-over then reached its receiver only because the
        // outbox had stored it and the scheduled-message polling found it: not a path a delivery should rest on.
        var context = new MessageContext(runtime);
        await using var session = outbox.OpenSession(context);
        if (await session.LoadAsync<WebhookDelivery>(message.DeliveryId, cancellation) is not { } attempted) return null;
        await session.TakeAsync(LockKey(attempted.SubscriptionId), cancellation);
        var delivery = await session.LoadAsync<WebhookDelivery>(message.DeliveryId, cancellation);
        var subscription = delivery is null ? null : await session.LoadAsync<Subscription>(delivery.SubscriptionId, cancellation);
        if (delivery is null || subscription is null) return null;
        if (delivery.Ticket != message.Ticket)
        {
            // A redelivery overtook this attempt: the log keeps it, and the newer turn decides what follows.
            session.Store(delivery with { Attempts = [.. delivery.Attempts, attempt] });
            await session.SaveChangesAsync(cancellation);
            Measure(delivery, attempt, DeliveryDecisions.Superseded);
            return null;
        }

        var after = DeliveryDecisions.After(delivery, subscription, attempt, settings, clock.GetUtcNow());
        session.Store(after.Delivery);
        session.Store(after.Subscription);
        if (after.RetryIn is { } wait) await context.ScheduleAsync(new DeliverWebhook(delivery.Id, after.Delivery.Ticket), wait);
        var released = after.ReleasesNext ? await ReleaseNextAsync(session, context, after.Delivery, cancellation) : null;
        await session.SaveChangesAsync(cancellation);
        Measure(delivery, attempt, DeliveryDecisions.Outcome(after.Delivery));
        return released is null ? null : (released, after.Subscription);
    }

    /// <summary>Counted once the attempt is in the log: a record that fails to commit is made again, and counted then.</summary>
    private void Measure(WebhookDelivery delivery, DeliveryAttempt attempt, string outcome) =>
        metrics.RecordDeliveryAttempt(delivery.Kind, attempt.At - delivery.EnrolledAt, outcome);

    /// <summary>
    /// The stream's earliest unfinished delivery goes next, when it is waiting for the one just finished: it is
    /// claimed here, and a message of its own is scheduled to take it over should this node die before it is made
    /// (made by then, the message finds it finished, or its ticket taken, and does nothing). An earliest one still
    /// pending has its own message on the way, and frees the ones after it when it finishes.
    /// </summary>
    private async Task<WebhookDelivery?> ReleaseNextAsync(IDocumentSession session, IMessageContext context, WebhookDelivery finished, CancellationToken cancellation)
    {
        var next = await session.Query<WebhookDelivery>()
            .Where(d => d.SubscriptionId == finished.SubscriptionId && d.StreamId == finished.StreamId && d.Id != finished.Id
                && (d.State == DeliveryState.Pending || d.State == DeliveryState.Waiting || d.State == DeliveryState.Held))
            .OrderBy(d => d.StreamVersion)
            .FirstOrDefaultAsync(cancellation);
        if (next is not { State: DeliveryState.Waiting }) return null;
        var released = next with { State = DeliveryState.Pending, Ticket = next.Ticket + 1, Note = null };
        session.Store(released);
        await context.ScheduleAsync(new DeliverWebhook(released.Id, released.Ticket), TakeOver);
        return released;
    }

    private static Task<bool> EarlierUnfinishedAsync(IQuerySession session, WebhookDelivery delivery, CancellationToken cancellation) =>
        session.Query<WebhookDelivery>().AnyAsync(d =>
            d.SubscriptionId == delivery.SubscriptionId && d.StreamId == delivery.StreamId && d.StreamVersion < delivery.StreamVersion
            && (d.State == DeliveryState.Pending || d.State == DeliveryState.Waiting || d.State == DeliveryState.Held), cancellation);

    public static string LockKey(Guid subscriptionId) => $"webhooks:{subscriptionId}";
}
