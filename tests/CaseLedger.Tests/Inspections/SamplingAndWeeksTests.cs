using CaseLedger.Tests.Ledger.Sealing;

namespace CaseLedger.Tests.Inspections;

[Collection(ApiCollection.Name)]
public sealed class SamplingAndWeeksTests(AppFixture app)
{
    [Fact]
    public async Task A_case_joins_the_sample_and_a_retry_with_its_id_appends_nothing()
    {
        var id = await app.Host.GivenInspection();
        var caseId = Guid.NewGuid();
        var body = new { id = caseId, reference = "C07", sentenceType = "referral-order", setting = "community" };
        var before = await app.Host.StreamVersion(id);

        await app.Host.Scenario(s => { s.AsLead().Post.Json(body).ToUrl($"/inspections/{id}/cases"); s.StatusCodeShouldBe(201); });
        var version = await app.Host.StreamVersion(id);
        await app.Host.Scenario(s => { s.AsLead().Post.Json(body).ToUrl($"/inspections/{id}/cases"); s.StatusCodeShouldBe(201); });

        Assert.Equal(before + 1, version);
        Assert.Equal(version, await app.Host.StreamVersion(id));
        var added = Assert.IsType<CaseAddedToSample>((await app.Host.Events(id))[(int)before].Data);
        Assert.Equal("C07", added.Case.Reference);
    }

    [Fact]
    public async Task Bad_cases_are_refused_and_append_nothing()
    {
        var id = await app.Host.GivenInspection();
        await app.Host.GivenCase(id, "C01");
        var version = await app.Host.StreamVersion(id);

        var invalid = await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { reference = "", sentenceType = "hanging", setting = "moon", ageAtStart = 40 }).ToUrl($"/inspections/{id}/cases");
            s.StatusCodeShouldBe(400);
        });
        await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { reference = "C01", sentenceType = "referral-order", setting = "community" }).ToUrl($"/inspections/{id}/cases");
            s.StatusCodeShouldBe(409);
        });
        await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { reference = "C02", sentenceType = "referral-order", setting = "community" }).ToUrl($"/inspections/{id}/cases");
            s.StatusCodeShouldBe(403);
        });
        await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { reference = "C02", sentenceType = "referral-order", setting = "community" }).ToUrl($"/inspections/{Guid.NewGuid()}/cases");
            s.StatusCodeShouldBe(404);
        });

        var errors = (await invalid.ProblemOf()).GetProperty("errors");
        foreach (var field in new[] { "reference", "sentenceType", "setting", "ageAtStart" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        Assert.Equal(version, await app.Host.StreamVersion(id));
    }

    [Fact]
    public async Task Weeks_open_and_close_once_each_in_order()
    {
        var id = await app.Host.GivenInspection();
        var before = await app.Host.StreamVersion(id);

        await app.Host.OpenWeek(id, 1);
        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/weeks/2/open"); s.StatusCodeShouldBe(409); });
        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/weeks/2/close"); s.StatusCodeShouldBe(409); });
        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/weeks/9/open"); s.StatusCodeShouldBe(404); });
        await app.Host.Scenario(s => { s.AsInspector().Post.Url($"/inspections/{id}/weeks/1/close"); s.StatusCodeShouldBe(403); });
        await app.Host.CloseWeek(id, 1);
        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/weeks/1/open"); s.StatusCodeShouldBe(409); });
        await app.Host.OpenWeek(id, 2);

        var events = (await app.Host.Events(id)).Select(e => e.Data).ToList();
        Assert.Equal([new FieldworkWeekOpened(1), new FieldworkWeekClosed(1), new FieldworkWeekOpened(2)], events.Skip((int)before));
    }

    [Fact]
    public async Task Publishing_freezes_the_ledger()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 1);
        var judgement = await app.Host.GivenJudgement(id, cases[0].Id);

        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/publish"); s.StatusCodeShouldBe(409); });
        await app.Host.CloseWeek(id, 1);
        await app.Host.Scenario(s => { s.AsInspector().Post.Url($"/inspections/{id}/publish"); s.StatusCodeShouldBe(403); });
        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/publish"); s.StatusCodeShouldBeOk(); });
        var version = await app.Host.StreamVersion(id);

        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/weeks/2/open"); s.StatusCodeShouldBe(409); });
        await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { answer = "insufficient", rationale = "late change", expectedVersion = 1 })
                .ToUrl($"/inspections/{id}/judgements/{judgement.Id}/moderations");
            s.StatusCodeShouldBe(409);
        });
        await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { reference = "C99", sentenceType = "referral-order", setting = "community" }).ToUrl($"/inspections/{id}/cases");
            s.StatusCodeShouldBe(409);
        });
        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/publish"); s.StatusCodeShouldBe(409); });

        Assert.Equal(version, await app.Host.StreamVersion(id));
        Assert.IsType<InspectionPublished>((await app.Host.Events(id))[^1].Data);
    }

    // The lead's answer is the publication's receipt in the signed log, checkable with the public key alone.
    [Fact]
    public async Task Publishing_answers_the_head_covering_the_publication_and_its_inclusion_proof()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 1);
        await app.Host.GivenJudgement(id, cases[0].Id);
        await app.Host.CloseWeek(id, 1);

        var result = await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{id}/publish"); s.StatusCodeShouldBeOk(); });
        var ledger = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("ledger");

        var publication = (await app.Host.Events(id))[^1];
        Assert.IsType<InspectionPublished>(publication.Data);
        Assert.Equal(publication.Sequence, ledger.GetProperty("sequence").GetInt64());
        var head = ledger.GetProperty("head");
        var (leafIndex, treeSize) = (ledger.GetProperty("leafIndex").GetInt64(), head.GetProperty("treeSize").GetInt64());
        Assert.True(leafIndex < treeSize, "the head does not cover the publication");
        var path = ledger.GetProperty("path").EnumerateArray().Select(hash => Convert.FromBase64String(hash.GetString()!)).ToList();
        var root = IndependentProofs.RootFromInclusion(Convert.FromBase64String(ledger.GetProperty("leafHash").GetString()!), leafIndex, treeSize, path);
        Assert.Equal(head.GetProperty("rootHash").GetString(), Convert.ToBase64String(root));
        var keys = await app.Host.GetJson("/ledger/keys", "client-1", Roles.ReportingClient);
        Assert.True(IndependentSignatures.SignedByKey(head, keys.GetProperty("keys").EnumerateArray().Single()));

        // The leaf hash is the publication event's own, as the audit log shows it.
        var logged = (await app.Host.GetJson($"/inspections/{id}/events")).GetProperty("events").EnumerateArray().Last();
        Assert.Equal(logged.GetProperty("leafHash").GetString(), ledger.GetProperty("leafHash").GetString());
    }
}
