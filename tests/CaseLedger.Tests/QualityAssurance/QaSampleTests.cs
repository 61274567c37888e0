using CaseLedger.Api.Ledger;
using CaseLedger.Api.QualityAssurance;

namespace CaseLedger.Tests.QualityAssurance;

[Collection(ApiCollection.Name)]
public sealed class QaSampleTests(AppFixture app)
{
    [Fact]
    public async Task Anyone_with_the_seed_and_the_ledger_draws_the_same_sample_again()
    {
        var qa = await QaScenario.GivenAsync(app.Host, settle: false);
        // A first sample takes two of each inspector's week-1 answers; the second, drawn after it, must leave them out.
        await Draw(qa.Id, new { perInspector = 2, seed = 7, week = 1 }, 201);
        var second = JsonDocument.Parse(await Draw(qa.Id, new { share = 0.25, seed = 4_242 }, 201)).RootElement;

        var events = await app.Host.Events(qa.Id);
        var drawn = events.Select(e => e.Data).OfType<QaSampleDrawn>().ToList();
        foreach (var sample in drawn)
        {
            var redrawn = Redraw(events.Where(e => e.Version <= sample.DrawnAtVersion).ToList(), sample);
            Assert.Equal(sample.Items.Select(item => item.JudgementId), redrawn);
        }
        // 2 of 6 week-1 answers each; then a quarter (rounded up) of the 10 left to each: 3.
        Assert.Equal([4, 6], drawn.Select(sample => sample.Items.Count));
        Assert.Equal(6, second.GetProperty("items").GetArrayLength());
        Assert.All(second.GetProperty("items").EnumerateArray(), item => Assert.Equal("pending", item.GetProperty("status").GetString()));
        Assert.Empty(drawn[0].Items.Select(i => i.JudgementId).Intersect(drawn[1].Items.Select(i => i.JudgementId)));
        Assert.All(drawn[0].Items, item => Assert.Equal(1, item.Week));
        // Another seed draws another sample from the same ledger.
        var other = Redraw(events.Where(e => e.Version <= drawn[1].DrawnAtVersion).ToList(), drawn[1] with { Seed = 4_243 });
        Assert.NotEqual(drawn[1].Items.Select(item => item.JudgementId), other);
    }

    /// <summary>
    /// The draw as an auditor makes it, from the events alone: each judgement's current answer and who gave it, by
    /// the events' user names and week headers; leave out the lead's, the moderated and the already sampled ones;
    /// then rank by SHA-256 of "seed:id".
    /// </summary>
    private static IReadOnlyList<Guid> Redraw(IReadOnlyList<JasperFx.Events.IEvent> ledger, QaSampleDrawn sample)
    {
        var lead = ledger.Select(e => e.Data).OfType<InspectionOpened>().Single().Team.Single(m => m.Role == TeamRoles.LeadInspector).UserId;
        var current = new Dictionary<Guid, (string By, int? Week, bool Moderated)>();
        var sampled = new HashSet<Guid>();
        foreach (var e in ledger)
            switch (e.Data)
            {
                case JudgementModerated moderated: current[moderated.JudgementId] = current[moderated.JudgementId] with { Moderated = true }; break;
                case IJudgementChange change: current[change.JudgementId] = (e.UserName!, EventMetadata.Week(e), current.GetValueOrDefault(change.JudgementId).Moderated); break;
                case QaSampleDrawn earlier: sampled.UnionWith(earlier.Items.Select(item => item.JudgementId)); break;
            }
        var eligible = current.Where(entry => entry.Value.By != lead && !entry.Value.Moderated && !sampled.Contains(entry.Key)
                && (sample.Week is null || entry.Value.Week == sample.Week))
            .Select(entry => new QaDraw.Candidate(entry.Key, entry.Value.By));
        return [.. QaDraw.Draw(sample.Seed, eligible, sample.PerInspector, sample.Share).Select(candidate => candidate.JudgementId)];
    }

    [Fact]
    public async Task The_sample_lists_each_item_pending_confirmed_or_overturned_in_json_and_csv()
    {
        var qa = await QaScenario.GivenAsync(app.Host);
        var sample = await app.Host.GetJson($"/inspections/{qa.Id}/qa-samples/{qa.SampleId}");
        var items = sample.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(24, items.Count);
        Assert.Equal((1, 17, 6), (sample.GetProperty("pending").GetInt32(), sample.GetProperty("confirmed").GetInt32(), sample.GetProperty("overturned").GetInt32()));
        var upward = items.Single(item => item.GetProperty("judgementId").GetGuid() == qa.Judgements[(qa.B, 1, "1.1.a")]);
        Assert.Equal(("overturned", "insufficient", "sufficient", "insufficient-to-sufficient", Scenarios.Lead),
            (upward.GetProperty("status").GetString(), upward.GetProperty("answer").GetString(), upward.GetProperty("overturnedTo").GetString(),
             upward.GetProperty("direction").GetString(), upward.GetProperty("closedBy").GetString()));
        var pending = items.Single(item => item.GetProperty("judgementId").GetGuid() == qa.Judgements[QaScenario.LeftPending(qa.A)]);
        Assert.Equal(("pending", qa.A, 2), (pending.GetProperty("status").GetString(), pending.GetProperty("inspector").GetString(), pending.GetProperty("week").GetInt32()));

        var list = await app.Host.GetJson($"/inspections/{qa.Id}/qa-samples", Scenarios.Lead, Roles.LeadInspector);
        var summary = Assert.Single(list.GetProperty("samples").EnumerateArray());
        Assert.Equal((qa.Seed, 24, 17), (summary.GetProperty("seed").GetInt64(), summary.GetProperty("items").GetInt32(), summary.GetProperty("confirmed").GetInt32()));

        var csv = (await app.Host.GetText($"/inspections/{qa.Id}/qa-samples/{qa.SampleId}", "text/csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(25, csv.Length);
        Assert.Equal(6, csv.Count(line => CsvText.Cells(line)[7] == "overturned"));
    }

    [Fact]
    public async Task A_revision_after_a_confirmation_reopens_it_and_a_retried_confirmation_appends_nothing()
    {
        var qa = await QaScenario.GivenAsync(app.Host, settle: false, closeLastWeek: false);
        await Draw(qa.Id, new { perInspector = 12, seed = 1 }, 201);
        var judgement = qa.Judgements[(qa.A, 2, "1.1.b")];
        var confirm = new { expectedVersion = 1, note = "agreed" };
        await QaScenario.Lead(app.Host, Scenarios.Lead, $"/inspections/{qa.Id}/judgements/{judgement}/confirmations", confirm, 200);
        var version = await app.Host.StreamVersion(qa.Id);
        await QaScenario.Lead(app.Host, Scenarios.Lead, $"/inspections/{qa.Id}/judgements/{judgement}/confirmations", confirm, 200);
        Assert.Equal(version, await app.Host.StreamVersion(qa.Id));
        Assert.Equal("confirmed", await StatusOf(qa, judgement));

        await app.Host.Scenario(s =>
        {
            s.As(qa.A, Roles.Inspector).Post.Json(new { answer = "insufficient", reasons = new[] { "not-completed" }, expectedVersion = 1 })
                .ToUrl($"/inspections/{qa.Id}/judgements/{judgement}/revisions");
            s.StatusCodeShouldBeOk();
        });
        Assert.Equal("pending", await StatusOf(qa, judgement));
        await QaScenario.Lead(app.Host, Scenarios.Lead, $"/inspections/{qa.Id}/judgements/{judgement}/confirmations", confirm, 409);
        await QaScenario.Lead(app.Host, Scenarios.Lead, $"/inspections/{qa.Id}/judgements/{judgement}/confirmations", new { expectedVersion = 2 }, 200);
        Assert.Equal("confirmed", await StatusOf(qa, judgement));

        // The judgement's history lists both confirmations apart from its changes, each with the version it agreed with.
        var history = await app.Host.GetJson($"/inspections/{qa.Id}/judgements/{judgement}/history");
        Assert.Equal(["recorded", "revised"], history.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal([(1, "agreed"), (2, (string?)null)], history.GetProperty("confirmations").EnumerateArray()
            .Select(c => (c.GetProperty("version").GetInt32(), c.GetProperty("note").GetString())));
    }

    [Theory]
    [InlineData("perInspector", "{\"perInspector\":0}", 400)]
    [InlineData("share", "{\"share\":1.5}", 400)]
    [InlineData("seed", "{\"seed\":-1}", 400)]
    [InlineData("week", "{\"week\":3}", 400)]
    [InlineData("body", "", 400)]
    [InlineData("everything-sampled", "{\"perInspector\":500}", 409)]
    [InlineData("published", "{}", 409)]
    public async Task Bad_draws_are_refused_in_the_clients_words_and_append_nothing(string what, string body, int status)
    {
        var qa = await QaScenario.GivenAsync(app.Host, settle: false);
        if (what == "everything-sampled") await Draw(qa.Id, new { perInspector = 12 }, 201);
        if (what == "published") await QaScenario.Lead(app.Host, Scenarios.Lead, $"/inspections/{qa.Id}/publish", null, 200);
        var version = await app.Host.StreamVersion(qa.Id);
        var refused = await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Text(body).ContentType("application/json").ToUrl($"/inspections/{qa.Id}/qa-samples");
            s.StatusCodeShouldBe(status);
        });
        var problem = await refused.ProblemOf();
        if (status == 400 && what != "body") Assert.True(problem.GetProperty("errors").TryGetProperty(what, out _), problem.ToString());
        Assert.Equal(version, await app.Host.StreamVersion(qa.Id));
    }

    [Theory]
    [InlineData("unsampled", 409)]
    [InlineData("stale", 409)]
    [InlineData("moderated", 409)]
    [InlineData("inspector", 403)]
    [InlineData("no-version", 400)]
    public async Task Bad_confirmations_are_refused_and_append_nothing(string what, int status)
    {
        var qa = await QaScenario.GivenAsync(app.Host, settle: false);
        await Draw(qa.Id, new { perInspector = 12, week = 2 }, 201);
        var judgement = qa.Judgements[(qa.A, what == "unsampled" ? 1 : 2, "1.1.a")];
        if (what == "moderated")
            await QaScenario.Lead(app.Host, Scenarios.Lead, $"/inspections/{qa.Id}/judgements/{judgement}/moderations",
                new { answer = "insufficient", rationale = "QA", expectedVersion = 1 }, 200);
        var version = await app.Host.StreamVersion(qa.Id);
        object body = what switch { "stale" => new { expectedVersion = 5 }, "no-version" => new { note = "ok" }, "moderated" => new { expectedVersion = 2 }, _ => new { expectedVersion = 1 } };
        await app.Host.Scenario(s =>
        {
            (what == "inspector" ? s.As(qa.A, Roles.Inspector) : s.AsLead()).Post.Json(body).ToUrl($"/inspections/{qa.Id}/judgements/{judgement}/confirmations");
            s.StatusCodeShouldBe(status);
        });
        Assert.Equal(version, await app.Host.StreamVersion(qa.Id));
    }

    private Task<string> Draw(Guid id, object body, int status) => QaScenario.Lead(app.Host, Scenarios.Lead, $"/inspections/{id}/qa-samples", body, status);

    private async Task<string?> StatusOf(QaScenario qa, Guid judgement)
    {
        var samples = await app.Host.GetJson($"/inspections/{qa.Id}/qa-samples");
        var sampleId = samples.GetProperty("samples").EnumerateArray().Single().GetProperty("id").GetGuid();
        var sample = await app.Host.GetJson($"/inspections/{qa.Id}/qa-samples/{sampleId}");
        return sample.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("judgementId").GetGuid() == judgement).GetProperty("status").GetString();
    }
}
