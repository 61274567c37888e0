using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Api.Notifications.Deliveries;
using CaseLedger.Api.Notifications.Enrolment;
using CaseLedger.Api.Notifications.Safety;
using CaseLedger.Api.Notifications.Subscriptions;
using Wolverine;

namespace CaseLedger.Api.Notifications;

public static class NotificationsConfiguration
{
    public const string DeliveryQueue = "webhooks";

    /// <summary>
    /// Subscriptions and their deliveries as Marten documents, and delivery as Wolverine messages on a durable local
    /// queue: enrolled in the outbox with the write, kept in the database until handled, rescheduled there between
    /// retries, and picked up by any node after a crash.
    /// </summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var settings = WebhookSettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<NoticeEnrolment>();
        builder.Services.AddSingleton<LedgerSessions>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddWebhookHttp(settings);
        builder.Services.ConfigureMarten(options =>
        {
            options.Schema.For<Subscription>().Index(subscription => subscription.Owner);
            options.Schema.For<WebhookDelivery>()
                .Duplicate(delivery => delivery.SubscriptionId)
                .Duplicate(delivery => delivery.StreamId);
        });
        builder.Services.ConfigureWolverine(options =>
        {
            options.PublishMessage<DeliverWebhook>().ToLocalQueue(DeliveryQueue);
            // Attempts wait on receivers, not on this machine, so several run at once.
            options.LocalQueue(DeliveryQueue).UseDurableInbox().MaximumParallelMessages(16);
            // Retries wait in the database as scheduled messages; this is how late one may come due.
            options.Durability.ScheduledJobPollingTime = settings.DuePolling;
        });
        return builder;
    }
}
