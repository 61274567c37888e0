using CaseLedger.Api.Notifications;
using CaseLedger.Api.Notifications.Deliveries;

namespace CaseLedger.Tests.Notifications;

/// <summary>Deliveries end to end, from a write through Wolverine's outbox to a receiver on loopback.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookDeliveryTests(AppFixture app)
{
    [Fact]
    public async Task A_publication_arrives_signed_with_the_subscription_secret_and_without_case_data()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await app.Host.Subscribe(receiver.Url(), [NoticeKinds.InspectionPublished]);
        Assert.StartsWith("whsec_", subscription.Secret!);

        var (id, judgements) = await app.Host.GivenPublished();
        var received = await receiver.NextAsync(r => r.InspectionOf() == id);

        Assert.True(WebhookSignature.Verify(subscription.Secret!, received.Id, received.Timestamp, received.Body, received.Signature));
        Assert.False(WebhookSignature.Verify(subscription.Secret!, received.Id, received.Timestamp, received.Body.Replace("scores", "scorez"), received.Signature));
        Assert.False(WebhookSignature.Verify(subscription.Secret!, received.Id, received.Timestamp + 1, received.Body, received.Signature));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), received.Id, received.Timestamp, received.Body, received.Signature));
        Assert.InRange(received.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        var body = received.Json();
        Assert.Equal(NoticeKinds.InspectionPublished, body.GetProperty("type").GetString());
        Assert.Equal($"/inspections/{id}/scores", body.GetProperty("data").GetProperty("links").GetProperty("scores").GetString());
        Assert.Equal(Scenarios.Yot, body.GetProperty("data").GetProperty("yot").GetProperty("code").GetString());
        foreach (var caseLevel in new[] { judgements[0].Id.ToString(), judgements[0].CaseId.ToString(), "C01", "sufficient" })
            Assert.DoesNotContain(caseLevel, received.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_kind_not_chosen_is_not_delivered_and_a_correction_is()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await app.Host.Subscribe(receiver.Url(), [NoticeKinds.JudgementCorrected]);
        var (id, judgements) = await app.Host.GivenPublished();
        await app.Host.Correct(id, judgements[0].Id, 1, "insufficient");

        var received = await receiver.NextAsync(r => r.InspectionOf() == id);
        Assert.Equal(NoticeKinds.JudgementCorrected, received.TypeOf());
        Assert.Single(receiver.All, r => r.InspectionOf() == id);
    }

    [Fact]
    public async Task Failed_attempts_are_retried_until_one_succeeds_under_the_same_webhook_id()
    {
        // Nothing listens on the port at first: the first attempt's connection is refused.
        var port = OwnDatabase.FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/hook");
        var subscription = await app.Host.Subscribe(url, [NoticeKinds.InspectionPublished]);
        var (id, _) = await app.Host.GivenPublished();
        var refused = await app.Host.DeliveriesWhen(subscription.Id, log => log.Deliveries.Any(d => d.InspectionId == id && d.Attempts.Count >= 1));
        var first = refused.Deliveries.Single(d => d.InspectionId == id);
        Assert.Null(first.Attempts[0].StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(first.Attempts[0].Error));

        // Then the receiver is there but fails: a 500, then silence past the timeout, then it takes it.
        await using var receiver = await WebhookReceiver.StartAsync(port);
        receiver.Answer(500, WebhookReceiver.Silence, 200);
        var (failed, silent, delivered) = await WithLog(subscription.Id, async () => (
            await receiver.NextAsync(r => r.InspectionOf() == id),
            await receiver.NextAsync(r => r.InspectionOf() == id),
            await receiver.NextAsync(r => r.InspectionOf() == id)));
        Assert.Equal([500, WebhookReceiver.Silence, 200], new[] { failed, silent, delivered }.Select(r => r.AnsweredWith));
        Assert.All(new[] { failed, silent, delivered }, r => Assert.Equal(first.WebhookId, r.Id));
        Assert.All(new[] { failed, silent, delivered }, r => Assert.Equal(failed.Body, r.Body));

        var log = await app.Host.DeliveriesWhen(subscription.Id, l => l.Deliveries.Single(d => d.InspectionId == id).State == "delivered");
        var attempts = log.Deliveries.Single(d => d.InspectionId == id).Attempts;
        Assert.Equal([null, 500, null, 200], attempts.Select(a => a.StatusCode));
        Assert.Contains("No answer within 1 s", attempts[2].Error);
        Assert.All(attempts, a => Assert.True(a.DurationMs >= 0));
        Assert.True(attempts[2].DurationMs >= 900, $"the silent attempt took {attempts[2].DurationMs} ms, less than the timeout");
    }

    [Fact]
    public async Task Each_inspection_arrives_in_order_and_one_that_fails_holds_up_only_itself()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await app.Host.Subscribe(receiver.Url());
        // The first inspection's publication fails twice before it is taken; its corrections must wait for it.
        var (first, firstCases) = await app.Host.GivenInspectionInFieldwork(1);
        var failuresLeft = 2;
        receiver.Always = body => body.Contains(first.ToString()) && Interlocked.Decrement(ref failuresLeft) >= 0 ? 503 : 204;
        var firstJudgement = await app.Host.GivenJudgement(first, firstCases[0].Id);
        await app.Host.Publish(first);
        var firstJudgements = new[] { firstJudgement };
        var (second, secondJudgements) = await app.Host.GivenPublished();
        var v1 = await app.Host.Correct(first, firstJudgements[0].Id, 1, "insufficient");
        await app.Host.Correct(first, firstJudgements[0].Id, v1, "sufficient");
        var w1 = await app.Host.Correct(second, secondJudgements[0].Id, 1, "insufficient");
        await app.Host.Correct(second, secondJudgements[0].Id, w1, "sufficient");

        for (var taken = 0; taken < 6;)
            if ((await receiver.NextAsync(r => r.AnsweredWith == 204 && r.InspectionOf() is { } i && (i == first || i == second))) is not null) taken++;

        string[] expected = [NoticeKinds.InspectionPublished, NoticeKinds.JudgementCorrected, NoticeKinds.JudgementCorrected];
        foreach (var inspection in new[] { first, second })
        {
            var taken = receiver.All.Where(r => r.AnsweredWith == 204 && r.InspectionOf() == inspection).ToList();
            Assert.Equal(expected, taken.Select(r => r.TypeOf()));
            Assert.Equal(taken.Select(r => VersionOf(r)).Order(), taken.Select(r => VersionOf(r)));
            Assert.Equal(3, taken.Select(r => r.Id).Distinct().Count());
        }
        Assert.Equal(3, receiver.All.Count(r => r.InspectionOf() == first && r.TypeOf() == NoticeKinds.InspectionPublished));
    }

    [Fact]
    public async Task A_delivery_handed_on_down_its_stream_that_fails_is_tried_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await app.Host.Subscribe(receiver.Url(), [NoticeKinds.JudgementCorrected]);
        var (id, judgements) = await app.Host.GivenPublished();
        // The stream's first correction is refused until the two after it wait for it, so that its success hands the
        // second on and the second's the third, in one handler, each recorded by a commit of its own; the third's
        // first attempt fails, and its retry is what that third commit schedules.
        var (versions, holdFirst, thirdRefused) = (new List<long>(), 1, 0);
        receiver.Always = body =>
        {
            var version = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("streamVersion").GetInt64();
            int turn;
            lock (versions)
            {
                if (!versions.Contains(version)) versions.Add(version);
                turn = versions.IndexOf(version);
            }
            if (turn == 0 && Volatile.Read(ref holdFirst) == 1) return 503;
            return turn == 2 && Interlocked.Exchange(ref thirdRefused, 1) == 0 ? 503 : 204;
        };
        var v1 = await app.Host.Correct(id, judgements[0].Id, 1, "insufficient");
        var v2 = await app.Host.Correct(id, judgements[0].Id, v1, "sufficient");
        await app.Host.Correct(id, judgements[0].Id, v2, "insufficient");
        await app.Host.DeliveriesWhen(subscription.Id, log => log.Deliveries.Count(d => d.InspectionId == id && d.State == "waiting") == 2);
        Volatile.Write(ref holdFirst, 0);

        // DeliveriesWhen's timeout names the log it last read.
        var log = await app.Host.DeliveriesWhen(subscription.Id,
            l => l.Deliveries.Count(d => d.InspectionId == id && d.State == "delivered") == 3, TimeSpan.FromSeconds(20));
        var third = log.Deliveries.Where(d => d.InspectionId == id).MaxBy(d => d.EnrolledAt)!;
        Assert.Equal(new int?[] { 503, 204 }, third.Attempts.Select(a => a.StatusCode));
        Assert.Equal(3, receiver.All.Count(r => r.InspectionOf() == id && r.AnsweredWith == 204));
    }

    /// <summary>A wait that fails says what the delivery log held.</summary>
    private async Task<T> WithLog<T>(Guid subscriptionId, Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Not received in time; the log: {JsonSerializer.Serialize(await app.Host.Deliveries(subscriptionId))}");
        }
    }

    private static long VersionOf(WebhookReceiver.Received received) =>
        received.Json().GetProperty("data").GetProperty("streamVersion").GetInt64();
}
