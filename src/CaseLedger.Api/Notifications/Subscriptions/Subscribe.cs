using CaseLedger.Api.Notifications.Deliveries;
using CaseLedger.Api.Notifications.Safety;

namespace CaseLedger.Api.Notifications.Subscriptions;

public sealed record Subscribe(string? Url, IReadOnlyList<string>? Kinds, string? Secret);

/// <summary><c>POST /subscriptions</c>: a reporting client (or an administrator) asks for the notices of the
/// chosen kinds at a URL. The answer holds the secret deliveries are signed with, the one time it is shown.</summary>
public static class SubscribeEndpoint
{
    /// <summary>Enough for every program a reporting client runs, and a bound on the deliveries one owner causes.</summary>
    public const int MaxPerOwner = 20;

    /// <summary>Pure: what is wrong with the kinds and the secret (the URL is checked apart, against DNS).</summary>
    public static FieldErrors Check(Subscribe command)
    {
        var errors = new FieldErrors();
        if (command.Kinds is { Count: 0 }) errors.Add("kinds", $"must name at least one of {string.Join(", ", NoticeKinds.All)}, or be left out for all of them.");
        foreach (var kind in command.Kinds ?? [])
            errors.OneOf(kind, "kinds", NoticeKinds.All);
        if (command.Secret is not null && WebhookSignature.KeyOf(command.Secret) is null)
            errors.Add("secret", $"must be '{WebhookSignature.SecretPrefix}' and the base64 of {WebhookSignature.MinKeyBytes} to {WebhookSignature.MaxKeyBytes} random bytes, or be left out for one to be made.");
        return errors;
    }

    [Authorize(Roles = Roles.Subscribers)]
    [WolverinePost("/subscriptions", OperationId = "CreateSubscription")]
    [Tags(Capability.Notifications)]
    [EndpointSummary("Subscribe to webhooks")]
    [EndpointDescription("Deliveries of the chosen `kinds` (`inspection.published`, `judgement.corrected`, `yot.changed`; all when left out) are POSTed to `url`, signed per Standard Webhooks with `secret` (made when left out, `whsec_` and base64; shown only in this answer). Outside Development the URL must be https and may not reach private, loopback, link-local or metadata addresses. 400 for a bad URL, kind or secret; 409 at the most subscriptions one subscriber may have.")]
    [ProducesResponseType<SubscriptionView>(StatusCodes.Status201Created, "application/json")]
    [ProblemResponses(400, 401, 403, 409, 413)]
    public static async Task<IResult> Post(
        Subscribe command, HttpContext http, IDocumentStore store, WebhookSettings settings, TimeProvider clock, CancellationToken cancellation)
    {
        if (Actor.From(http) is not { } actor) return Rejection.Unauthenticated().ToResult();
        if (command is null) return Rejection.MissingBody().ToResult();
        var errors = Check(command);
        if (await WebhookUrls.CheckAsync(command.Url, settings, cancellation) is { } badUrl) errors.Add("url", badUrl);
        if (errors.ToRejection() is { } invalid) return invalid.ToResult();

        await using var session = store.LightweightSession();
        // Under the owner's lock two requests at once cannot both take the last place.
        await session.TakeAsync($"subscriptions:{actor.UserId}", cancellation);
        if (await session.Query<Subscription>().CountAsync(s => s.Owner == actor.UserId, cancellation) >= MaxPerOwner)
            return Rejection.Conflict($"You have {MaxPerOwner} subscriptions, the most one subscriber may have; delete one first.").ToResult();

        var subscription = new Subscription
        {
            Id = Guid.CreateVersion7(),
            Owner = actor.UserId,
            Url = command.Url!,
            Kinds = command.Kinds is null ? NoticeKinds.All : [.. NoticeKinds.All.Where(command.Kinds.Contains)],
            Secret = command.Secret ?? WebhookSignature.NewSecret(),
            CreatedAt = clock.GetUtcNow(),
        };
        session.Insert(subscription);
        await session.SaveChangesAsync(cancellation);
        return Results.Created($"/subscriptions/{subscription.Id}", SubscriptionView.Of(subscription, withSecret: true));
    }
}
