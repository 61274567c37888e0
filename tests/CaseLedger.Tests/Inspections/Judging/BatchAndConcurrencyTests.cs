using System.Net;
using System.Net.Http.Json;
using CaseLedger.Api.Inspections.Judging;
using static CaseLedger.Api.Inspections.Judging.RecordJudgementBatchEndpoint;

namespace CaseLedger.Tests.Inspections.Judging;

[Collection(ApiCollection.Name)]
public sealed class BatchAndConcurrencyTests(AppFixture app)
{
    [Fact]
    public async Task A_batch_of_5000_judgements_is_appended_in_one_transaction()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 75);
        var pairs = app.Host.ApplicablePairs(cases).Take(MaxItems).ToList();
        Assert.Equal(MaxItems, pairs.Count);
        var before = await app.Host.StreamVersion(id);

        var result = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { judgements = pairs.Select((p, i) => new { caseId = p.CaseId, questionId = p.QuestionId, answer = i % 4 == 0 ? "insufficient" : "sufficient" }) })
                .ToUrl($"/inspections/{id}/judgements/batch");
            s.StatusCodeShouldBe(201);
        });

        Assert.Equal(MaxItems, result.ReadAsJson<BatchResult>()!.Recorded);
        Assert.Equal(before + MaxItems, await app.Host.StreamVersion(id));
        Assert.Equal(MaxItems, (await app.Host.CurrentJudgements(id)).Count);
    }

    [Fact]
    public async Task One_bad_item_rejects_the_whole_batch_naming_the_item()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 2);
        var pairs = app.Host.ApplicablePairs(cases).Take(10).ToList();
        var before = await app.Host.ReadLedgerState(id);

        var result = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { judgements = pairs.Select((p, i) => new { caseId = p.CaseId, questionId = p.QuestionId, answer = i == 7 ? "perhaps" : "sufficient" }) })
                .ToUrl($"/inspections/{id}/judgements/batch");
            s.StatusCodeShouldBe(400);
        });

        Assert.True((await result.ProblemOf()).GetProperty("errors").TryGetProperty("judgements[7].answer", out _));
        await app.Host.AssertUnchangedSince(id, before);
    }

    [Fact]
    public async Task A_batch_colliding_with_a_recorded_judgement_is_a_409_and_appends_nothing()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 2);
        var pairs = app.Host.ApplicablePairs(cases).Take(10).ToList();
        var first = await app.Host.GivenJudgement(id, pairs[4].CaseId, pairs[4].QuestionId);
        var before = await app.Host.ReadLedgerState(id);

        var result = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { judgements = pairs.Select(p => new { caseId = p.CaseId, questionId = p.QuestionId, answer = "sufficient" }) })
                .ToUrl($"/inspections/{id}/judgements/batch");
            s.StatusCodeShouldBe(409);
        });

        var problem = await result.ProblemOf();
        Assert.Equal(first.Id, problem.GetProperty("existing").GetProperty("id").GetGuid());
        Assert.Contains("judgements[4]", problem.GetProperty("detail").GetString());
        await app.Host.AssertUnchangedSince(id, before);
    }

    [Theory]
    [InlineData(MaxItems + 1)]
    [InlineData(0)]
    public async Task A_batch_of_too_many_or_no_judgements_is_a_400_and_appends_nothing(int count)
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 1);
        var items = Enumerable.Range(0, count).Select(_ => new { caseId = cases[0].Id, questionId = "1.1.a", answer = "sufficient" });
        var before = await app.Host.ReadLedgerState(id);

        var result = await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { judgements = items }).ToUrl($"/inspections/{id}/judgements/batch");
            s.StatusCodeShouldBe(400);
        });

        Assert.True((await result.ProblemOf()).GetProperty("errors").TryGetProperty("judgements", out _));
        await app.Host.AssertUnchangedSince(id, before);
    }

    /// <summary>
    /// Two inspectors answer each of 150 case-questions at the same moment with different ids, then both revise
    /// each judgement from the same version: exactly one of each pair may win, and the ledger must agree.
    /// </summary>
    [Fact]
    public async Task Concurrent_writers_lose_nothing_and_never_leave_two_current_judgements()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 5);
        var pairs = app.Host.ApplicablePairs(cases).Take(150).ToList();
        var inspector = app.Host.ClientAs(Scenarios.Inspector, TeamRoles.Inspector);
        var lead = app.Host.ClientAs(Scenarios.Lead, TeamRoles.LeadInspector);
        var before = await app.Host.StreamVersion(id);

        var records = await Task.WhenAll(pairs.SelectMany(p => new[] { inspector, lead }.Select(client =>
            client.PostAsJsonAsync($"/inspections/{id}/judgements", new { caseId = p.CaseId, questionId = p.QuestionId, answer = "sufficient" }))));

        Assert.Equal(pairs.Count, records.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(pairs.Count, records.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var current = await app.Host.CurrentJudgements(id);
        Assert.Equal(pairs.Count, current.Select(j => (j.CaseId, j.QuestionId)).Distinct().Count());
        Assert.Equal(pairs.Count, current.Count);

        var revisions = await Task.WhenAll(current.SelectMany(j => new[] { "insufficient", "not-applicable" }.Select(answer =>
            inspector.PostAsJsonAsync($"/inspections/{id}/judgements/{j.Id}/revisions", new { answer, expectedVersion = 1 }))));

        Assert.Equal(pairs.Count, revisions.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(pairs.Count, revisions.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var events = (await app.Host.Events(id)).Skip((int)before).Select(e => e.Data).ToList();
        Assert.Equal(pairs.Count, events.OfType<JudgementRecorded>().Count());
        Assert.Equal(pairs.Count, events.OfType<JudgementRevised>().Count());
        var after = await app.Host.CurrentJudgements(id);
        Assert.All(after, j => Assert.Equal(2, j.Version));
        var lastRevision = events.OfType<JudgementRevised>().ToDictionary(e => e.JudgementId);
        Assert.All(after, j => Assert.Equal(lastRevision[j.Id].Answer, j.Answer));
    }
}
