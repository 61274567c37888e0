using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Api.Notifications.Deliveries;
using CaseLedger.Api.Notifications.Subscriptions;
using Wolverine;

namespace CaseLedger.Api.Notifications.Enrolment;

/// <summary>
/// Enrols a write's notices for delivery in the write's own transaction (DESIGN §13): one delivery per notice and
/// subscription that wants it, each with its message in Wolverine's durable outbox. The event and its deliveries
/// commit together or not at all, so a committed publication is never missed, even if the node dies at once.
/// Runs under the stream's lock, so the versions the events will take are known, and deliveries keep the stream's
/// order. A write that gives no notice (nearly all of them) costs one pass over its events and nothing more.
/// </summary>
public sealed class NoticeEnrolment(TimeProvider clock)
{
    public async Task EnrolAsync(IDocumentSession session, IMessageBus outbox, Guid streamId, CancellationToken cancellation)
    {
        var notices = Notices(session, streamId);
        if (notices.Count == 0) return;
        var subscriptions = await session.Query<Subscription>().Where(subscription => !subscription.Disabled).ToListAsync(cancellation);
        var wanted = notices.SelectMany(notice => subscriptions.Where(s => s.Wants(notice.Kind)).Select(s => (notice, s))).ToList();
        if (wanted.Count == 0) return;

        var lastVersion = await LastVersionAsync(session, streamId, cancellation);
        var header = notices.Any(notice => notice.Kind != NoticeKinds.YotChanged)
            ? await session.LoadAsync<InspectionHeader>(streamId, cancellation)
            : null;
        var now = clock.GetUtcNow();
        foreach (var (notice, subscription) in wanted)
        {
            var version = lastVersion + notice.Position + 1;
            var delivery = new WebhookDelivery
            {
                Id = Guid.CreateVersion7(now),
                SubscriptionId = subscription.Id,
                Kind = notice.Kind,
                StreamId = streamId,
                StreamVersion = version,
                InspectionId = header?.Id,
                Yot = header?.Yot.Code ?? YotCodeOf(notice.Data),
                Body = WebhookBody.For(notice.Kind, notice.Data, notice.Kind == NoticeKinds.YotChanged ? null : header, version, notice.ValidAt ?? now),
                EnrolledAt = now,
            };
            session.Insert(delivery);
            await outbox.SendAsync(new DeliverWebhook(delivery.Id, delivery.Ticket));
        }
    }

    private sealed record Notice(string Kind, object Data, int Position, DateTimeOffset? ValidAt);

    private static List<Notice> Notices(IDocumentSession session, Guid streamId)
    {
        var notices = new List<Notice>();
        foreach (var action in session.PendingChanges.Streams().Where(action => action.Id == streamId))
            for (var position = 0; position < action.Events.Count; position++)
            {
                var @event = action.Events[position];
                if (NoticeKinds.Of(@event.Data) is { } kind)
                    notices.Add(new Notice(kind, @event.Data, position, ValidAtOf(@event)));
            }
        return notices;
    }

    private static DateTimeOffset? ValidAtOf(IEvent @event) =>
        @event.Headers?.TryGetValue(LedgerWrites.OccurredAtHeader, out var stated) == true && stated is string text
            && Instants.TryParse(text, out var at)
            ? at
            : null;

    private static string YotCodeOf(object data) => data switch
    {
        Yots.YotRegistered registered => registered.Code,
        Yots.YotChanged changed => changed.Code,
        _ => "",
    };

    /// <summary>The stream's version before this write: under the stream's lock nothing else appends to it, and
    /// Quick appends number the new events on from here.</summary>
    private static async Task<long> LastVersionAsync(IDocumentSession session, Guid streamId, CancellationToken cancellation)
    {
        var versions = await session.AdvancedSql.QueryAsync<long>(
            $"select coalesce(max(version), 0) from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events where stream_id = ?",
            cancellation, streamId);
        return versions[0];
    }
}
