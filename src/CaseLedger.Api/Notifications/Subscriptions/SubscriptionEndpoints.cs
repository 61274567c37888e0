using CaseLedger.Api.Notifications.Deliveries;

namespace CaseLedger.Api.Notifications.Subscriptions;

/// <summary>A subscriber's own subscriptions: listed, and deleted with their delivery log. Someone else's
/// subscription is not found, so not even its existence shows.</summary>
public static class SubscriptionEndpoints
{
    [Authorize(Roles = Roles.Subscribers)]
    [WolverineGet("/subscriptions", OperationId = "ListSubscriptions")]
    [Tags(Capability.Notifications)]
    [EndpointSummary("List your subscriptions")]
    [EndpointDescription("Your subscriptions, oldest first: URL, kinds, whether active or disabled (and why), and the failed attempts in a row. Never the secret.")]
    [ProducesResponseType<IReadOnlyList<SubscriptionView>>(200, "application/json")]
    [ProblemResponses(401, 403)]
    public static async Task<IResult> List(HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (Actor.From(http) is not { } actor) return Rejection.Unauthenticated().ToResult();
        var owned = await session.Query<Subscription>().Where(s => s.Owner == actor.UserId).OrderBy(s => s.CreatedAt).ToListAsync(cancellation);
        return Results.Ok(owned.Select(s => SubscriptionView.Of(s)).ToList());
    }

    [Authorize(Roles = Roles.Subscribers)]
    [WolverineDelete("/subscriptions/{id}", OperationId = "DeleteSubscription")]
    [Tags(Capability.Notifications)]
    [EndpointSummary("Delete a subscription")]
    [EndpointDescription("Stops every delivery to it, pending ones included, and deletes its delivery log (204). 404 when it is not yours.")]
    [ProducesResponseType(204)]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Delete(Guid id, HttpContext http, IDocumentStore store, CancellationToken cancellation)
    {
        if (Actor.From(http) is not { } actor) return Rejection.Unauthenticated().ToResult();
        await using var session = store.LightweightSession();
        await session.TakeAsync(WebhookDispatcher.LockKey(id), cancellation);
        if (await OwnedAsync(session, id, actor, cancellation) is null) return NotFound(id).ToResult();
        session.Delete<Subscription>(id);
        session.DeleteWhere<WebhookDelivery>(d => d.SubscriptionId == id);
        await session.SaveChangesAsync(cancellation);
        return Results.NoContent();
    }

    public static async Task<Subscription?> OwnedAsync(IQuerySession session, Guid id, Actor actor, CancellationToken cancellation) =>
        await session.LoadAsync<Subscription>(id, cancellation) is { } subscription && subscription.Owner == actor.UserId ? subscription : null;

    public static Rejection NotFound(Guid id) => Rejection.NotFound($"You have no subscription {id}.");
}
