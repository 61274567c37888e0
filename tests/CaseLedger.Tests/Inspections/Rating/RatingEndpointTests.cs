namespace CaseLedger.Tests.Inspections.Rating;

/// <summary>Every wrong rating a client can send is a 4xx in the client's words, and appends nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class RatingEndpointTests(AppFixture app)
{
    [Theory]
    [InlineData("{\"standardId\":\"9.9\",\"rating\":\"good\",\"rationale\":\"x\"}", 400, "standardId")]
    [InlineData("{\"standardId\":\"2.1\",\"rating\":\"good\",\"rationale\":\"x\"}", 400, "standardId")]
    [InlineData("{\"standardId\":\"1.1\",\"rating\":\"excellent\",\"rationale\":\"x\"}", 400, "rating")]
    [InlineData("{\"standardId\":\"1.1\",\"rating\":\"good\"}", 400, "rationale")]
    [InlineData("{\"standardId\":\"1.1\",\"rating\":\"good\",\"rationale\":\"x\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}", 400, "occurredAt")]
    [InlineData("{\"standardId\":\"1.1\",\"rating\":\"good\",\"rationale\":\"x\",\"by\":\"someone\"}", 400, null)]
    public async Task Bad_evidence_ratings_are_refused_naming_the_field(string body, int status, string? field)
    {
        var youth = await YouthInspection.RecordAsync(app.Host, rate: false);
        var version = await app.Host.StreamVersion(youth.Id);
        var problem = await Send($"/inspections/{youth.Id}/ratings", body, status);
        if (field is not null) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        if (body.Contains("\"2.1\"")) Assert.Contains("override it", problem.GetProperty("errors").GetProperty("standardId")[0].GetString());
        Assert.Equal(version, await app.Host.StreamVersion(youth.Id));
    }

    [Theory]
    [InlineData("1.1", "{\"rating\":\"good\",\"rationale\":\"x\"}", 404)]          // rated from evidence: nothing derived to depart from
    [InlineData("9.9", "{\"rating\":\"good\",\"rationale\":\"x\"}", 404)]
    [InlineData("2.1", "{\"rating\":\"requires-improvement\",\"rationale\":\"x\"}", 409)]   // already its derived rating
    [InlineData("2.1", "{\"rating\":\"good\"}", 400)]
    [InlineData("2.1", "{\"rating\":\"top\",\"rationale\":\"x\"}", 400)]
    public async Task Bad_overrides_are_refused_and_append_nothing(string standard, string body, int status)
    {
        var youth = await YouthInspection.RecordAsync(app.Host, rate: false);
        var version = await app.Host.StreamVersion(youth.Id);
        await Send($"/inspections/{youth.Id}/ratings/{standard}/override", body, status);
        Assert.Equal(version, await app.Host.StreamVersion(youth.Id));
    }

    [Fact]
    public async Task A_repeated_rating_appends_nothing_an_inspector_may_not_rate_and_a_published_inspection_takes_no_rating()
    {
        var youth = await YouthInspection.RecordAsync(app.Host);
        var version = await app.Host.StreamVersion(youth.Id);
        await YouthInspection.Post(app.Host, $"/inspections/{youth.Id}/ratings", new { standardId = "1.1", rating = "good", rationale = "Evidence for 1.1" }, 200);
        await YouthInspection.Post(app.Host, $"/inspections/{youth.Id}/ratings/3.3/override", new { rating = "good", rationale = "The two insufficient cases were transferred mid-disposal" }, 200);
        Assert.Equal(version, await app.Host.StreamVersion(youth.Id));

        await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(new { standardId = "1.1", rating = "good", rationale = "mine" }).ToUrl($"/inspections/{youth.Id}/ratings");
            s.StatusCodeShouldBe(403);
        });
        // Overriding back to the derived rating withdraws the override: one more event, and 3.3 stands as derived.
        await YouthInspection.Post(app.Host, $"/inspections/{youth.Id}/ratings/3.3/override", new { rating = "requires-improvement", rationale = "On reflection the rules apply" }, 200);
        var standard = (await app.Host.GetJson($"/inspections/{youth.Id}/scores")).GetProperty("ratings").GetProperty("standards").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == "3.3");
        Assert.Equal(("requires-improvement", false), (standard.GetProperty("rating").GetString(), standard.GetProperty("overridden").GetBoolean()));

        await app.Host.Scenario(s => { s.AsLead().Post.Url($"/inspections/{youth.Id}/publish"); s.StatusCodeShouldBeOk(); });
        version = await app.Host.StreamVersion(youth.Id);
        await YouthInspection.Post(app.Host, $"/inspections/{youth.Id}/ratings", new { standardId = "1.2", rating = "good", rationale = "late" }, 409);
        Assert.Equal(version, await app.Host.StreamVersion(youth.Id));
    }

    [Fact]
    public async Task The_lead_rates_fjis_governance_and_partnerships_theme_on_fjis_own_scale()
    {
        var id = await app.Host.GivenInspection("fji-2013");
        await YouthInspection.Post(app.Host, $"/inspections/{id}/ratings", new { standardId = "governance-and-partnerships", rating = "excellent", rationale = "x" }, 400);
        await YouthInspection.Post(app.Host, $"/inspections/{id}/ratings",
            new { standardId = "governance-and-partnerships", rating = "satisfactory", rationale = "The board knows its partnership's strengths" }, 200);

        var ratings = (await app.Host.GetJson($"/inspections/{id}/scores")).GetProperty("ratings");
        var governance = Assert.Single(ratings.GetProperty("standards").EnumerateArray());
        Assert.Equal(("governance-and-partnerships", "satisfactory", "evidence"),
            (governance.GetProperty("id").GetString(), governance.GetProperty("rating").GetString(), governance.GetProperty("basis").GetString()));
        Assert.Equal(JsonValueKind.Null, ratings.GetProperty("overall").ValueKind);
        Assert.Contains(await app.Host.Events(id), e => e.Data is StandardRated { StandardId: "governance-and-partnerships" });
    }

    private async Task<JsonElement> Send(string url, string body, int status)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Text(body).ContentType("application/json").ToUrl(url);
            s.StatusCodeShouldBe(status);
        });
        return await result.ProblemOf();
    }
}
