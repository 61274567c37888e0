using System.Diagnostics;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Notifications;
using CaseLedger.Api.Notifications.Feed;
using CaseLedger.Api.Yots;
using CaseLedger.Tests.Inspections.Timing;
using static CaseLedger.Api.Notifications.Feed.FeedEndpoint;

namespace CaseLedger.Tests.Notifications;

/// <summary>
/// The change feed (DESIGN §13). One scenario in the 2012 calendar, every step stating when it happened: a YOT is
/// registered and renamed, an inspection of it opened, sampled, judged, published, and a published judgement
/// corrected. Other tests write to the same log meanwhile, so each assertion looks only at this scenario's ids.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FeedTests(AppFixture app) : IAsyncLifetime
{
    private readonly string yot = FeedScenarios.NewYot("feed");
    private string start = "";
    private Guid id;
    private Guid judgement;

    public async Task InitializeAsync()
    {
        start = await app.Host.FeedEnd();
        await app.Host.GivenYot(yot, name: "Feed YOT");
        await app.Host.GivenYotRenamed(yot, "Feed YOT (renamed)");
        id = await app.Host.OpenIn2012(yot);
        var sampled = await app.Host.SampleStated(id, "2012-01-25T10:00:00Z");
        await app.Host.PostStated($"/inspections/{id}/weeks/1/open", new { occurredAt = "2012-02-06T08:00:00Z" }, lead: true);
        var recorded = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { caseId = sampled.Id, questionId = "1.1.a", answer = "sufficient", occurredAt = "2012-02-07T14:00:00Z" })
                .ToUrl($"/inspections/{id}/judgements");
            s.StatusCodeShouldBe(201);
        });
        judgement = recorded.ReadAsJson<Api.Inspections.Judging.JudgementView>()!.Id;
        await app.Host.PostStated($"/inspections/{id}/weeks/1/close", new { occurredAt = "2012-02-10T17:00:00Z" }, lead: true);
        await app.Host.PostStated($"/inspections/{id}/publish", new { occurredAt = "2012-03-20T12:00:00Z" }, lead: true);
        await app.Host.PostStated($"/inspections/{id}/judgements/{judgement}/corrections",
            new { answer = "insufficient", reasons = new[] { "not-completed" }, rationale = "found on the paper file", expectedVersion = 1, occurredAt = "2012-04-02T09:00:00Z" }, lead: true);
        await app.Host.CaughtUp();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private IEnumerable<FeedEntry> Mine(IEnumerable<FeedEntry> entries) => entries.Where(e => e.InspectionId == id || e.Yot == yot);

    [Fact]
    public async Task An_auditor_reads_every_event_of_the_scenario_in_log_order_with_both_times()
    {
        var entries = Mine(await app.Host.FeedAfter(Roles.Auditor, start)).ToList();
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = (await session.Events.FetchStreamAsync(YotCodes.StreamId(yot))).Concat(await session.Events.FetchStreamAsync(id))
            .OrderBy(e => e.Sequence).ToList();

        Assert.Equal(
            ["yot.changed", "yot.changed", "inspection.opened", "case.added", "week.opened", "judgement.recorded", "week.closed", "inspection.published", "judgement.corrected"],
            entries.Select(e => e.Kind));
        Assert.Equal(events.Select(e => e.Sequence.ToString()), entries.Select(e => e.Cursor));
        Assert.Equal(events.Select(EventMetadata.OccurredAt), entries.Select(e => e.ValidAt));
        Assert.Equal(events.Select(e => e.Timestamp), entries.Select(e => e.RecordedAt));
        Assert.All(entries, e => Assert.Equal(yot, e.Yot));
        Assert.Equal(DateTimeOffset.Parse("2012-03-20T12:00:00Z"), entries.Single(e => e.Kind == "inspection.published").ValidAt);
        Assert.Equal([null, null], entries.Take(2).Select(e => e.InspectionId));
        Assert.Equal($"/inspections/{id}", entries[2].Link);
        // The audit log from the event on: the recording is the stream's fourth event.
        Assert.Equal($"/inspections/{id}/events?after=3", entries.Single(e => e.Kind == "judgement.recorded").Link);
    }

    [Theory]
    [InlineData(Roles.ReportingClient)]
    [InlineData(Roles.Admin)]
    public async Task Reporting_clients_and_administrators_read_only_the_notices(string role)
    {
        var entries = Mine(await app.Host.FeedAfter(role, start)).ToList();

        Assert.Equal(
            [("yot.changed", $"/yots/{yot}"), ("yot.changed", $"/yots/{yot}"), ("inspection.published", $"/inspections/{id}/scores"), ("judgement.corrected", $"/inspections/{id}/scores")],
            entries.Select(e => (e.Kind, e.Link)));
        // Nothing but notices, whoever's they are.
        Assert.All(await app.Host.FeedAfter(role, start), e => Assert.Contains(e.Kind, NoticeKinds.All));
    }

    [Theory]
    [InlineData(Roles.Inspector, 403)]
    [InlineData(Roles.LeadInspector, 403)]
    [InlineData(null, 401)]
    public async Task Inspectors_may_not_read_it_and_nobody_without_a_token(string? role, int status)
    {
        using var client = role is null ? app.Host.Server.CreateClient() : app.Host.ClientAs(Scenarios.Lead, role);
        using var response = await client.GetAsync("/feed");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_page_read_again_after_more_writes_is_the_same_page()
    {
        var first = await app.Host.Feed(Roles.Auditor, $"after={start}&limit=4");

        await app.Host.GivenYotRenamed(yot, "Feed YOT (renamed again)");
        await app.Host.CaughtUp();
        var again = await app.Host.Feed(Roles.Auditor, $"after={start}&limit=4");

        Assert.Equal(4, first.Entries.Count);
        Assert.Equal(first.Entries, again.Entries);
        Assert.Equal(first.Next, again.Next);
        Assert.Equal(first.Entries[^1].Cursor, first.Next);
    }

    [Fact]
    public async Task Consecutive_pages_neither_skip_nor_repeat()
    {
        var walked = await app.Host.FeedAfter(Roles.Auditor, start, limit: 2);
        var whole = (await app.Host.Feed(Roles.Auditor, $"after={start}&limit=1000")).Entries;

        var cursors = walked.Select(e => long.Parse(e.Cursor)).ToList();
        Assert.Equal(cursors.Order().Distinct(), cursors);
        var overlap = Math.Min(cursors[^1], long.Parse(whole[^1].Cursor));
        Assert.Equal(whole.Where(e => long.Parse(e.Cursor) <= overlap), walked.Where(e => long.Parse(e.Cursor) <= overlap));
        Assert.Equal(9, Mine(walked).Count());
    }

    [Fact]
    public async Task An_empty_page_names_the_cursor_it_was_asked_after_and_a_wait_ends_at_its_deadline()
    {
        var clock = Stopwatch.StartNew();
        var page = await app.Host.Feed(Roles.ReportingClient, $"after={long.MaxValue - 1}&wait=1");

        Assert.Empty(page.Entries);
        Assert.Equal((long.MaxValue - 1).ToString(), page.Next);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_waiting_request_returns_as_soon_as_a_publication_lands()
    {
        var other = await GivenInspectionToPublish();

        var took = await HowLongAWaitTakesToHearOf(other);

        Assert.True(took < TimeSpan.FromSeconds(10), $"the publication arrived after {took}");
    }

    [Fact]
    public async Task A_wait_survives_the_listener_losing_its_connection()
    {
        var other = await GivenInspectionToPublish();
        await using (var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession())
            Assert.Contains(true, await session.AdvancedSql.QueryAsync<bool>(
                $"select pg_terminate_backend(pid) from pg_stat_activity where application_name = '{FeedListener.ApplicationName}'", CancellationToken.None));

        var took = await HowLongAWaitTakesToHearOf(other);

        Assert.True(took < TimeSpan.FromSeconds(10), $"the publication arrived after {took}");
    }

    private async Task<Guid> GivenInspectionToPublish()
    {
        var (other, _) = await app.Host.GivenScoredInspection("cci-2009", yot, "East Midlands", "2012-02-06", cases: 1, judgements: 1, _ => "sufficient");
        await app.Host.CaughtUp();
        return other;
    }

    /// <summary>Starts a reporting client's 30-second wait at the end of the feed, publishes the inspection, and
    /// times how long until the wait (or the next, if another test's notice woke it first) brings the publication.</summary>
    private async Task<TimeSpan> HowLongAWaitTakesToHearOf(Guid inspection)
    {
        var after = await app.Host.FeedEnd();
        var clock = Stopwatch.StartNew();
        var waiting = app.Host.Feed(Roles.ReportingClient, $"after={after}&wait=30");

        await app.Host.Publish(inspection);

        await FeedScenarios.UntilPublished(await waiting, inspection, next => app.Host.Feed(Roles.ReportingClient, $"after={next}&wait=30"));
        return clock.Elapsed;
    }

    [Theory]
    [InlineData("after=abc", "after")]
    [InlineData("after=-1", "after")]
    [InlineData("after=1.5", "after")]
    [InlineData("after=99999999999999999999", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("wait=-1", "wait")]
    [InlineData("wait=31", "wait")]
    [InlineData("wait=1.5", "wait")]
    public async Task Bad_paging_values_are_a_400_naming_the_field(string query, string field)
    {
        using var client = app.Host.ClientAs(FeedScenarios.Reporting, Roles.ReportingClient);
        using var response = await client.GetAsync($"/feed?{query}");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }
}
