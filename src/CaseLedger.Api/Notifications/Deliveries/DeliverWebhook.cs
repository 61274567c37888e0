using Wolverine;
using Wolverine.Runtime.Handlers;
using Wolverine.ErrorHandling;

namespace CaseLedger.Api.Notifications.Deliveries;

/// <summary>The message that makes one attempt at a delivery; <see cref="Ticket"/> says which turn of it this is.</summary>
public sealed record DeliverWebhook(Guid DeliveryId, int Ticket);

/// <summary>Wolverine's handler for <see cref="DeliverWebhook"/>, on the durable <c>webhooks</c> queue.</summary>
public static class DeliverWebhookHandler
{
    /// <summary>What the receiver does is an attempt, never an exception; what throws is this side (the database
    /// unreachable, the node stopping). That is tried again, and never given up: a delivery is not lost to it.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<Exception>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
            .Then.ScheduleRetryIndefinitely(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));

    public static Task Handle(DeliverWebhook message, WebhookDispatcher dispatcher, IMessageContext context, CancellationToken cancellation) =>
        dispatcher.DeliverAsync(message, context, cancellation);
}
