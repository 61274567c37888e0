using System.Text;
using Npgsql;
using CaseLedger.Api.History.Changes;
using CaseLedger.Tests.Inspections.Timing;

namespace CaseLedger.Tests.History;

/// <summary>
/// The judgement-changes view against the ledger it is kept from. One inspection in 2012: A recorded on 7 February
/// at a stated time to the microsecond, revised, moderated; B recorded; the inspection published; B corrected.
/// Every kind of change, and a point at exactly the stated time and one microsecond before it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class JudgementChangesViewTests(AppFixture app) : IAsyncLifetime
{
    private const string Stated = "2012-02-07T14:00:00.123456Z";
    private readonly string yot = $"jc-{Guid.NewGuid():N}"[..20];
    private Guid id;
    private Guid a, b;

    public async Task InitializeAsync()
    {
        await app.Host.GivenYot(yot);
        id = await app.Host.OpenIn2012(yot);
        var sampled = await app.Host.SampleStated(id, "2012-01-25T10:00:00Z");
        var questions = app.Host.ApplicablePairs([sampled]).Select(p => p.QuestionId).Take(2).ToList();
        await app.Host.PostStated($"/inspections/{id}/weeks/1/open", new { occurredAt = "2012-02-06T08:00:00Z" }, lead: true);
        a = await Record(sampled.Id, questions[0], "sufficient", Stated);
        b = await Record(sampled.Id, questions[1], "insufficient", "2012-02-07T15:00:00Z");
        await app.Host.PostStated($"/inspections/{id}/judgements/{a}/revisions",
            new { answer = "not-applicable", note = "case transferred out", expectedVersion = 1, occurredAt = "2012-02-08T09:00:00Z" }, lead: false);
        await app.Host.PostStated($"/inspections/{id}/judgements/{a}/moderations",
            new { answer = "insufficient", rationale = "transfer came after the plan was due", expectedVersion = 2, occurredAt = "2012-02-09T11:00:00Z" }, lead: true);
        await app.Host.PostStated($"/inspections/{id}/weeks/1/close", new { occurredAt = "2012-02-10T17:00:00Z" }, lead: true);
        await app.Host.PostStated($"/inspections/{id}/publish", new { occurredAt = "2012-03-20T12:00:00Z" }, lead: true);
        await app.Host.PostStated($"/inspections/{id}/judgements/{b}/corrections",
            new { answer = "sufficient", rationale = "the plan was on the paper file", expectedVersion = 1, occurredAt = "2012-04-02T09:00:00Z" }, lead: true);
        await app.Host.CaughtUp();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_view_and_the_events_it_has_not_applied_give_the_ledgers_changes_wherever_its_progress_stands()
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var last = (await session.Events.FetchStreamStateAsync(id))!.Version;
        var fromEvents = await ChangeRows.WindowAsync(session, id, 0, last, appliedThrough: 0, CancellationToken.None);
        Assert.Equal(["recorded", "recorded", "revised", "moderated", "corrected"], fromEvents.Select(Kind));
        Assert.Equal(DateTimeOffset.Parse(Stated), fromEvents[0].OccurredAt);

        // The view's rows up to each change and the events after it; then the view as the daemon left it (all applied).
        foreach (var through in fromEvents.Select(change => change.Sequence).Prepend(0))
            Assert.Equal(Shown(fromEvents), Shown(await ChangeRows.WindowAsync(session, id, 0, last, through, CancellationToken.None)));
        Assert.Equal(Shown(fromEvents), Shown(await ChangeRows.WindowAsync(session, id, 0, last, CancellationToken.None)));
        // A window inside the stream holds only its own versions.
        var (after, to) = (fromEvents[1].Version, fromEvents[3].Version);
        Assert.Equal(Shown(fromEvents.Where(change => change.Version > after && change.Version <= to)),
            Shown(await ChangeRows.WindowAsync(session, id, after, to, CancellationToken.None)));
    }

    [Fact]
    public async Task A_point_at_a_stated_time_takes_in_the_change_made_then_to_the_microsecond()
    {
        var at = await app.Host.GetJson($"/inspections/{id}/history?to={Uri.EscapeDataString(Stated)}");
        var justBefore = await app.Host.GetJson($"/inspections/{id}/history?to={Uri.EscapeDataString("2012-02-07T14:00:00.123455Z")}");

        Assert.Equal([a], at.GetProperty("changedJudgements").EnumerateArray().Select(j => j.GetProperty("judgementId").GetGuid()));
        Assert.Equal(0, justBefore.GetProperty("changedJudgements").GetArrayLength());
    }

    [Fact]
    public async Task History_writes_each_change_as_the_api_writes_it()
    {
        var history = await app.Host.GetJson($"/inspections/{id}/history");

        var changed = history.GetProperty("changedJudgements").EnumerateArray().ToDictionary(j => j.GetProperty("judgementId").GetGuid());
        Assert.Equal(JsonValueKind.Null, changed[a].GetProperty("before").ValueKind);
        Assert.Equal("insufficient", changed[a].GetProperty("after").GetString());
        var changes = changed[a].GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["recorded", "revised", "moderated"], changes.Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal(DateTimeOffset.Parse(Stated), changes[0].GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(("not-applicable", "insufficient", "transfer came after the plan was due", "lead-inspector"),
            (changes[2].GetProperty("previous").GetString(), changes[2].GetProperty("answer").GetString(),
             changes[2].GetProperty("rationale").GetString(), changes[2].GetProperty("role").GetString()));
        var correction = changed[b].GetProperty("changes")[1];
        Assert.Equal(("corrected", "insufficient", "sufficient"),
            (correction.GetProperty("kind").GetString(), correction.GetProperty("previous").GetString(), correction.GetProperty("answer").GetString()));
    }

    [Fact]
    public async Task Verify_agrees_on_an_inspection_corrected_after_publication()
    {
        var verification = await app.Host.GetJson($"/inspections/{id}/verify");

        Assert.True(verification.GetProperty("agrees").GetBoolean(), verification.ToString());
        Assert.Equal(2, verification.GetProperty("moderations").GetInt32());
    }

    [Fact]
    public async Task Verify_names_a_row_of_the_view_edited_or_deleted_behind_the_ledgers_back()
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var last = (await session.Events.FetchStreamStateAsync(id))!.Version;
        var changes = await ChangeRows.WindowAsync(session, id, 0, last, appliedThrough: 0, CancellationToken.None);
        var (recorded, correction) = (changes[0].Version, changes[^1].Version);
        await using (var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__CaseLedger")))
        {
            await connection.OpenAsync();
            async Task<int> RunAsync(string sql, long version)
            {
                await using var command = new NpgsqlCommand(sql + " where inspection_id = $1 and stream_version = $2", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                command.Parameters.Add(new NpgsqlParameter { Value = version });
                return await command.ExecuteNonQueryAsync();
            }
            Assert.Equal(1, await RunAsync($"update {JudgementChangeTable.Name} set answer = 'insufficient'", recorded));
            Assert.Equal(1, await RunAsync($"delete from {JudgementChangeTable.Name}", correction));
        }

        var verification = await app.Host.GetJson($"/inspections/{id}/verify");

        Assert.False(verification.GetProperty("agrees").GetBoolean());
        var mismatches = verification.GetProperty("mismatches").EnumerateArray()
            .Select(m => (m.GetProperty("view").GetString(), m.GetProperty("item").GetString(), m.GetProperty("actual").GetString()!)).ToList();
        Assert.True(mismatches.Count == 2, string.Join("; ", mismatches));
        Assert.Contains(mismatches, m => m.Item2 == $"version {recorded}" && m.Item3.Contains($"judgement {a}: none to insufficient"));
        Assert.Contains(mismatches, m => m.Item2 == $"version {correction}" && m.Item3 == "missing");
        Assert.All(mismatches, m => Assert.Equal(JudgementChangesProjection.ViewName, m.Item1));
    }

    [Fact]
    public async Task Applying_the_events_again_repairs_an_edited_or_deleted_row_and_rewrites_no_other()
    {
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var last = (await session.Events.FetchStreamStateAsync(id))!.Version;
        var changes = await ChangeRows.WindowAsync(session, id, 0, last, appliedThrough: 0, CancellationToken.None);
        var (recorded, revised, correction) = (changes[0].Version, changes[2].Version, changes[^1].Version);
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__CaseLedger"));
        await connection.OpenAsync();
        async Task<object?> RunAsync(string sql, long version)
        {
            await using var command = new NpgsqlCommand(sql + " where inspection_id = $1 and stream_version = $2", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            command.Parameters.Add(new NpgsqlParameter { Value = version });
            return await command.ExecuteScalarAsync();
        }
        await RunAsync($"update {JudgementChangeTable.Name} set answer = 'insufficient', change = '{{\"kind\":\"forged\"}}'", recorded);
        await RunAsync($"delete from {JudgementChangeTable.Name}", correction);
        var untouched = await RunAsync($"select xmin::text from {JudgementChangeTable.Name}", revised);

        // What a rebuild does with the view's table: the whole stream applied again over the rows there.
        await using (var writing = store.LightweightSession())
        {
            await new JudgementChangesProjection().ApplyAsync(writing, await writing.Events.FetchStreamAsync(id), CancellationToken.None);
            await writing.SaveChangesAsync();
        }

        Assert.Equal(Shown(changes), Shown(await ChangeRows.WindowAsync(session, id, 0, last, appliedThrough: long.MaxValue, CancellationToken.None)));
        Assert.Equal(untouched, await RunAsync($"select xmin::text from {JudgementChangeTable.Name}", revised));
    }

    private static string Kind(RenderedChange change) => JsonDocument.Parse(change.Json).RootElement.GetProperty("kind").GetString()!;

    private static IEnumerable<string> Shown(IEnumerable<RenderedChange> changes) =>
        changes.Select(change => $"{change with { Json = default }} {Encoding.UTF8.GetString(change.Json.Span)}");

    private async Task<Guid> Record(Guid caseId, string questionId, string answer, string occurredAt)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { caseId, questionId, answer, occurredAt }).ToUrl($"/inspections/{id}/judgements");
            s.StatusCodeShouldBe(201);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("id").GetGuid();
    }
}
