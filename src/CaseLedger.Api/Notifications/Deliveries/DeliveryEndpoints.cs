using Wolverine;
using CaseLedger.Api.Notifications.Subscriptions;
using Wolverine.Marten.Publishing;

namespace CaseLedger.Api.Notifications.Deliveries;

/// <summary>The delivery log of a subscriber's own subscription, and redelivery of any delivery in it.</summary>
public static class DeliveryEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    [Authorize(Roles = Roles.Subscribers)]
    [WolverineGet("/subscriptions/{id}/deliveries", OperationId = "ListDeliveries")]
    [Tags(Capability.Notifications)]
    [EndpointSummary("Read a subscription's delivery log")]
    [EndpointDescription("The latest deliveries first (`limit`, 1 to 1000, default 100): kind, inspection, YOT, state (`pending`, `waiting` for an earlier one of its inspection, `held` while the subscription is disabled, `delivered`, `failed`), the next attempt, and each attempt with its time, status code (or why there was none) and duration. 404 when the subscription is not yours.")]
    [ProducesResponseType<DeliveryLog>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404)]
    public static async Task<IResult> List(Guid id, int? limit, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (Actor.From(http) is not { } actor) return Rejection.Unauthenticated().ToResult();
        if (limit is not (null or (>= 1 and <= MaxLimit))) return Rejection.Invalid("limit", $"must be between 1 and {MaxLimit}.").ToResult();
        if (await SubscriptionEndpoints.OwnedAsync(session, id, actor, cancellation) is not { } subscription)
            return SubscriptionEndpoints.NotFound(id).ToResult();
        var deliveries = await session.Query<WebhookDelivery>()
            .Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.EnrolledAt).ThenByDescending(d => d.Id)
            .Take(limit ?? DefaultLimit)
            .ToListAsync(cancellation);
        return Results.Ok(new DeliveryLog(id, SubscriptionView.Of(subscription).State, subscription.DisabledReason, [.. deliveries.Select(DeliveryView.Of)]));
    }

    [Authorize(Roles = Roles.Subscribers)]
    [WolverinePost("/subscriptions/{id}/deliveries/{deliveryId}/retry", OperationId = "RetryDelivery")]
    [Tags(Capability.Notifications)]
    [EndpointSummary("Redeliver")]
    [EndpointDescription("Starts the delivery afresh now, whatever became of it, under the same `webhook-id`, with the full retry schedule (202). A disabled subscription is enabled again, and the deliveries held while it was disabled are sent, in order. 404 when the subscription or delivery is not yours.")]
    [ProducesResponseType<DeliveryView>(StatusCodes.Status202Accepted, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Retry(
        Guid id, Guid deliveryId, HttpContext http, OutboxedSessionFactory outbox, IMessageContext context, CancellationToken cancellation)
    {
        if (Actor.From(http) is not { } actor) return Rejection.Unauthenticated().ToResult();
        await using var session = outbox.OpenSession(context);
        await session.TakeAsync(WebhookDispatcher.LockKey(id), cancellation);
        if (await SubscriptionEndpoints.OwnedAsync(session, id, actor, cancellation) is not { } subscription)
            return SubscriptionEndpoints.NotFound(id).ToResult();
        if (await session.LoadAsync<WebhookDelivery>(deliveryId, cancellation) is not { } delivery || delivery.SubscriptionId != id)
            return Rejection.NotFound($"Subscription {id} has no delivery {deliveryId}.").ToResult();

        var (redelivered, enabled) = DeliveryDecisions.Redeliver(delivery, subscription);
        session.Store(redelivered);
        session.Store(enabled);
        await context.SendAsync(new DeliverWebhook(redelivered.Id, redelivered.Ticket));
        if (subscription.Disabled)
        {
            var held = await session.Query<WebhookDelivery>()
                .Where(d => d.SubscriptionId == id && d.State == DeliveryState.Held && d.Id != deliveryId)
                .ToListAsync(cancellation);
            foreach (var released in held.Select(d => d with { State = DeliveryState.Pending, Ticket = d.Ticket + 1, Note = null }))
            {
                session.Store(released);
                await context.SendAsync(new DeliverWebhook(released.Id, released.Ticket));
            }
        }
        await session.SaveChangesAsync(cancellation);
        return Results.Accepted($"/subscriptions/{id}/deliveries", DeliveryView.Of(redelivered));
    }
}
