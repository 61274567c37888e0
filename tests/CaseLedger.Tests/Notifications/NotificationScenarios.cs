using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Notifications.Deliveries;
using CaseLedger.Api.Notifications.Subscriptions;

namespace CaseLedger.Tests.Notifications;

public static class NotificationScenarios
{
    public const string Client = "reporting-client-webhooks";

    public static async Task<SubscriptionView> Subscribe(this IAlbaHost host, Uri url, string[]? kinds = null, string user = Client, string? secret = null)
    {
        var result = await host.Scenario(s =>
        {
            s.As(user, Roles.ReportingClient).Post.Json(new { url = url.ToString(), kinds, secret }).ToUrl("/subscriptions");
            s.StatusCodeShouldBe(201);
        });
        return result.ReadAsJson<SubscriptionView>()!;
    }

    /// <summary>An inspection with one judgement per case, published (week 1 closed first).</summary>
    public static async Task<(Guid Id, IReadOnlyList<JudgementView> Judgements)> GivenPublished(this IAlbaHost host, int cases = 1)
    {
        var (id, sample) = await host.GivenInspectionInFieldwork(cases);
        var judgements = new List<JudgementView>();
        foreach (var c in sample) judgements.Add(await host.GivenJudgement(id, c.Id));
        await host.Publish(id);
        return (id, judgements);
    }

    /// <summary>Corrects a published judgement to the other answer; returns its version after.</summary>
    public static async Task<int> Correct(this IAlbaHost host, Guid id, Guid judgementId, int expectedVersion, string answer)
    {
        var result = await host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { answer, rationale = "found on the paper file", expectedVersion })
                .ToUrl($"/inspections/{id}/judgements/{judgementId}/corrections");
            s.StatusCodeShouldBeOk();
        });
        return result.ReadAsJson<JudgementView>()!.Version;
    }

    public static async Task<DeliveryLog> Deliveries(this IAlbaHost host, Guid subscriptionId, string user = Client)
    {
        var result = await host.Scenario(s =>
        {
            s.As(user, Roles.ReportingClient).Get.Url($"/subscriptions/{subscriptionId}/deliveries");
            s.StatusCodeShouldBeOk();
        });
        return result.ReadAsJson<DeliveryLog>()!;
    }

    /// <summary>Reads the delivery log until <paramref name="holds"/>, for what no receiver can see (an attempt
    /// refused before it reached one). Fails after <paramref name="within"/>.</summary>
    public static async Task<DeliveryLog> DeliveriesWhen(this IAlbaHost host, Guid subscriptionId, Func<DeliveryLog, bool> holds, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var log = await host.Deliveries(subscriptionId);
            if (holds(log)) return log;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The delivery log never came to hold; last: {JsonSerializer.Serialize(log)}");
            await Task.Delay(50);
        }
    }

    public static JsonElement Json(this WebhookReceiver.Received received) => JsonDocument.Parse(received.Body).RootElement;

    public static Guid? InspectionOf(this WebhookReceiver.Received received) =>
        received.Json().GetProperty("data").TryGetProperty("inspectionId", out var id) ? id.GetGuid() : null;

    public static string TypeOf(this WebhookReceiver.Received received) => received.Json().GetProperty("type").GetString()!;
}
