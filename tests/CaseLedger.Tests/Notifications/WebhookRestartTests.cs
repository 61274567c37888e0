using CaseLedger.Api.Notifications;
using CaseLedger.Bench.Measures;
using CaseLedger.Client;
using System.Net.Http.Json;

namespace CaseLedger.Tests.Notifications;

/// <summary>
/// The API dies between a commit and its delivery, and the delivery still happens. The API runs as a process of
/// its own over a database of its own, first with deliveries held (an operator's switch), so that the commit is
/// certain to come before any attempt; it is then killed outright, and started again without the hold.
/// </summary>
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task A_delivery_enrolled_before_the_node_was_killed_is_made_after_it_restarts()
    {
        await using var database = await OwnDatabase.CreateAsync("webhooks");
        var address = new Uri($"http://127.0.0.1:{OwnDatabase.FreePort()}");
        var log = Path.Combine(Path.GetTempPath(), $"caseledger-webhooks-{Guid.NewGuid():N}.log");
        await using var receiver = await WebhookReceiver.StartAsync();
        var key = DevelopmentSigningKey.Read(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"));
        var code = $"restart-{Guid.NewGuid():N}"[..20];
        try
        {
            Guid subscription;
            await using (var held = new ApiLauncher(AppContext.BaseDirectory, address, database.Connection, log, new Dictionary<string, string> { ["Webhooks__Hold"] = "true" }))
            {
                await held.StartAsync(sealing: false, CancellationToken.None);
                using var client = Client(address, key, "reporting-client-restart", Roles.ReportingClient);
                var created = await client.PostAsJsonAsync("/subscriptions", new { url = receiver.Url().ToString() });
                Assert.Equal(201, (int)created.StatusCode);
                subscription = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

                using var admin = Client(address, key, "admin-restart", Roles.Admin);
                var registered = await admin.PutAsJsonAsync($"/yots/{code}", new { name = "Restart YOT", region = "London" });
                Assert.Equal(201, (int)registered.StatusCode);
                var pending = await client.GetFromJsonAsync<JsonElement>($"/subscriptions/{subscription}/deliveries");
                var delivery = Assert.Single(pending.GetProperty("deliveries").EnumerateArray());
                Assert.Equal("pending", delivery.GetProperty("state").GetString());
                Assert.Empty(delivery.GetProperty("attempts").EnumerateArray());
            } // killed outright: no graceful shutdown

            Assert.Empty(receiver.All);
            await using var restarted = new ApiLauncher(AppContext.BaseDirectory, address, database.Connection, log);
            await restarted.StartAsync(sealing: false, CancellationToken.None);
            var received = await receiver.NextAsync(r => r.Body.Contains(code), TimeSpan.FromSeconds(60));
            Assert.Equal(NoticeKinds.YotChanged, received.TypeOf());

            using var reader = Client(address, key, "reporting-client-restart", Roles.ReportingClient);
            var delivered = (await reader.GetFromJsonAsync<JsonElement>($"/subscriptions/{subscription}/deliveries")).GetProperty("deliveries")[0];
            Assert.Equal(received.Id, delivered.GetProperty("webhookId").GetString());
            Assert.Single(receiver.All);
        }
        finally
        {
            File.Delete(log);
            File.Delete(log + ".pid");
        }
    }

    private static HttpClient Client(Uri address, string key, string user, string role)
    {
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", new ApiClient(http, key).Token(user, role));
        return http;
    }
}
