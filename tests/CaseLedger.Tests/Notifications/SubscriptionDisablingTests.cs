using CaseLedger.Api.Notifications;

namespace CaseLedger.Tests.Notifications;

/// <summary>
/// A receiver that keeps failing: each delivery retries its schedule and fails, the subscription is disabled after
/// its run of failures (six in the test host) and holds what comes after, and a redelivery enables it again and
/// sends what was held, in order.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SubscriptionDisablingTests(AppFixture app)
{
    [Fact]
    public async Task A_run_of_failures_disables_the_subscription_and_a_redelivery_brings_back_what_it_held()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Always = _ => 500;
        var subscription = await app.Host.Subscribe(receiver.Url(), [NoticeKinds.YotChanged]);
        var code = $"hooks-{Guid.NewGuid():N}"[..20];

        await Rename(code, "Hooks YOT");
        var gaveUp = await app.Host.DeliveriesWhen(subscription.Id, log => log.Deliveries.Any(d => d.State == "failed"));
        var first = Assert.Single(gaveUp.Deliveries);
        Assert.Equal(5, first.Attempts.Count);
        Assert.All(first.Attempts, attempt => Assert.Equal(500, attempt.StatusCode));
        Assert.Contains("Gave up after 5 attempts", first.Note);

        await Rename(code, "Hooks YOT renamed");
        var disabled = await app.Host.DeliveriesWhen(subscription.Id, log => log.SubscriptionState == "disabled");
        Assert.Contains("6 failed attempts in a row", disabled.DisabledReason);
        var held = disabled.Deliveries.Single(d => d.Id != first.Id);
        Assert.Equal("held", held.State);
        Assert.Single(held.Attempts);

        // Disabled: a change now is not enrolled at all (the feed still has it).
        await Rename(code, "Hooks YOT renamed again");
        Assert.Equal(2, (await app.Host.Deliveries(subscription.Id)).Deliveries.Count);

        receiver.Always = _ => 204;
        await app.Host.Scenario(s =>
        {
            s.As(NotificationScenarios.Client, Roles.ReportingClient).Post.Url($"/subscriptions/{subscription.Id}/deliveries/{first.Id}/retry");
            s.StatusCodeShouldBe(202);
        });
        var back = await app.Host.DeliveriesWhen(subscription.Id, log => log.Deliveries.All(d => d.State == "delivered"));
        Assert.Equal("active", back.SubscriptionState);
        var taken = receiver.All.Where(r => r.AnsweredWith == 204).Select(r => r.Id).ToList();
        Assert.Equal([first.WebhookId, held.WebhookId], taken);
    }

    private Task Rename(string code, string name) => app.Host.Scenario(s =>
    {
        s.As(Scenarios.Admin, Roles.Admin).Put.Json(new { name, region = "London" }).ToUrl($"/yots/{code}");
        s.StatusCodeShouldBe(name == "Hooks YOT" ? 201 : 200);
    });
}
