using CaseLedger.Api.Notifications;
using CaseLedger.Api.Notifications.Subscriptions;

namespace CaseLedger.Tests.Notifications;

/// <summary>Subscriptions as their owner manages them, what is refused, and what is nobody else's business.</summary>
[Collection(ApiCollection.Name)]
public sealed class SubscriptionTests(AppFixture app)
{
    private static readonly Uri Receiver = new("http://127.0.0.1:9/hook");

    [Fact]
    public async Task Kinds_left_out_are_all_of_them_and_the_secret_is_shown_once()
    {
        var user = $"client-{Guid.NewGuid():N}";
        var created = await app.Host.Subscribe(Receiver, user: user);
        Assert.Equal(NoticeKinds.All, created.Kinds);
        Assert.Equal(SubscriptionView.Active, created.State);
        Assert.NotNull(created.Secret);

        var listed = await List(user);
        Assert.Equal(created.Id, Assert.Single(listed).Id);
        Assert.Null(listed[0].Secret);
    }

    [Fact]
    public async Task A_secret_given_is_kept_and_never_shown_again()
    {
        var user = $"client-{Guid.NewGuid():N}";
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var created = await app.Host.Subscribe(Receiver, [NoticeKinds.YotChanged], user, secret);
        Assert.Equal(secret, created.Secret);
        Assert.Equal([NoticeKinds.YotChanged], created.Kinds);
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(await List(user)));
    }

    [Theory]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","kinds":[]}""", "kinds")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","kinds":["inspection.deleted"]}""", "kinds")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","secret":"hunter2"}""", "secret")]
    [InlineData("""{"kinds":["yot.changed"]}""", "url")]
    [InlineData("""{"url":"hooks/mine"}""", "url")]
    [InlineData("""{"url":"ftp://127.0.0.1/hook"}""", "url")]
    [InlineData("""{"url":"http://10.0.0.5/hook"}""", "url")]
    [InlineData("""{"url":"http://169.254.169.254/latest/meta-data"}""", "url")]
    [InlineData("""{"url":"http://[fd00:ec2::254]/"}""", "url")]
    [InlineData("""{"url":"http://user:pass@127.0.0.1:9/hook"}""", "url")]
    public async Task What_is_wrong_is_a_400_naming_the_field_and_nothing_is_created(string body, string field)
    {
        var user = $"client-{Guid.NewGuid():N}";
        var result = await app.Host.Scenario(s =>
        {
            s.As(user, Roles.ReportingClient).Post.Text(body).ContentType("application/json").ToUrl("/subscriptions");
            s.StatusCodeShouldBe(400);
        });
        Assert.True((await result.ProblemOf()).GetProperty("errors").TryGetProperty(field, out _), result.ReadAsText());
        Assert.Empty(await List(user));
    }

    [Theory]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.LeadInspector)]
    [InlineData(Roles.Auditor)]
    public Task Only_reporting_clients_and_admins_subscribe(string role) => app.Host.Scenario(s =>
    {
        s.As("someone", role).Post.Json(new { url = Receiver.ToString() }).ToUrl("/subscriptions");
        s.StatusCodeShouldBe(403);
    });

    [Fact]
    public async Task Someone_else_s_subscription_is_not_found_whatever_is_asked_of_it()
    {
        var owner = $"client-{Guid.NewGuid():N}";
        var created = await app.Host.Subscribe(Receiver, user: owner);
        var other = $"client-{Guid.NewGuid():N}";
        foreach (var (method, url) in new[]
                 {
                     ("GET", $"/subscriptions/{created.Id}/deliveries"),
                     ("DELETE", $"/subscriptions/{created.Id}"),
                     ("POST", $"/subscriptions/{created.Id}/deliveries/{Guid.NewGuid()}/retry"),
                 })
            await app.Host.Scenario(s =>
            {
                s.As(other, Roles.Admin);
                if (method == "GET") s.Get.Url(url);
                else if (method == "DELETE") s.Delete.Url(url);
                else s.Post.Url(url);
                s.StatusCodeShouldBe(404);
            });
        Assert.Empty(await List(other));
        Assert.Single(await List(owner));
    }

    [Fact]
    public async Task A_deleted_subscription_is_gone_with_its_log()
    {
        var user = $"client-{Guid.NewGuid():N}";
        var created = await app.Host.Subscribe(Receiver, user: user);
        await app.Host.Scenario(s =>
        {
            s.As(user, Roles.ReportingClient).Delete.Url($"/subscriptions/{created.Id}");
            s.StatusCodeShouldBe(204);
        });
        Assert.Empty(await List(user));
        await app.Host.Scenario(s =>
        {
            s.As(user, Roles.ReportingClient).Get.Url($"/subscriptions/{created.Id}/deliveries");
            s.StatusCodeShouldBe(404);
        });
    }

    private async Task<IReadOnlyList<SubscriptionView>> List(string user)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.As(user, Roles.ReportingClient).Get.Url("/subscriptions");
            s.StatusCodeShouldBeOk();
        });
        return result.ReadAsJson<List<SubscriptionView>>()!;
    }
}
