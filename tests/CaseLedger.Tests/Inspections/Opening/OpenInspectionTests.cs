namespace CaseLedger.Tests.Inspections.Opening;

[Collection(ApiCollection.Name)]
public sealed class OpenInspectionTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.Host.GivenYot(Scenarios.Yot);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_lead_inspector_opens_an_inspection_and_leads_it()
    {
        var id = Guid.NewGuid();

        var result = await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Json(Scenarios.OpenBody(id)).ToUrl("/inspections");
            s.StatusCodeShouldBe(201);
            s.Header("Location").SingleValueShouldEqual($"/inspections/{id}");
        });

        var summary = result.ReadAsJson<InspectionSummary>()!;
        Assert.Equal("cci-2009", summary.FrameworkId);
        Assert.Equal(1, summary.FrameworkVersion);
        Assert.Equal(InspectionStates.Open, summary.State);
        Assert.Contains(summary.Team, m => m.UserId == Scenarios.Lead && m.Role == TeamRoles.LeadInspector);
        var opened = Assert.IsType<InspectionOpened>(Assert.Single(await app.Host.Events(id)).Data);
        Assert.Equal(new YotReference(Scenarios.Yot, $"YOT {Scenarios.Yot}", "East Midlands"), opened.Yot);
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_naming_each_field_and_append_nothing()
    {
        var id = Guid.NewGuid();
        var result = await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Json(new
            {
                id,
                frameworkId = "no-such-framework",
                yot = new { code = "Not A Code", name = "", region = "Atlantis" },
                fieldworkWeeks = new[] { new { number = 2, startsOn = "2012-02-06" } },
                team = new[] { new { userId = "x", role = "janitor" } },
            }).ToUrl("/inspections");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });

        var errors = (await result.ProblemOf()).GetProperty("errors");
        foreach (var field in new[] { "frameworkId", "yot.code", "yot.name", "yot.region", "fieldworkWeeks[0].number", "team[0].role" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        Assert.Equal(0, await app.Host.StreamVersion(id));
    }

    [Fact]
    public async Task Only_a_lead_inspector_may_open_one()
    {
        var id = Guid.NewGuid();
        await app.Host.Scenario(s =>
        {
            s.AsInspector().Post.Json(Scenarios.OpenBody(id)).ToUrl("/inspections");
            s.StatusCodeShouldBe(403);
        });
        Assert.Equal(0, await app.Host.StreamVersion(id));
    }

    [Fact]
    public async Task Without_an_actor_it_is_a_401()
    {
        await app.Host.Scenario(s =>
        {
            s.Post.Json(Scenarios.OpenBody()).ToUrl("/inspections");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task Opening_an_existing_id_again_is_a_409()
    {
        var id = Guid.NewGuid();
        await app.Host.Scenario(s => { s.AsLead().Post.Json(Scenarios.OpenBody(id)).ToUrl("/inspections"); s.StatusCodeShouldBe(201); });
        var opened = await app.Host.StreamVersion(id);

        await app.Host.Scenario(s => { s.AsLead().Post.Json(Scenarios.OpenBody(id)).ToUrl("/inspections"); s.StatusCodeShouldBe(409); });

        Assert.Equal(opened, await app.Host.StreamVersion(id));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        await app.Host.Scenario(s =>
        {
            s.AsLead().Post.Text("{\"frameworkId\": ").ToUrl("/inspections");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task Inspections_are_listed_by_yot_and_state()
    {
        var yot = $"yot-{Guid.NewGuid():N}"[..20];
        var id = await app.Host.GivenInspection(yot: yot);

        var listed = await app.Host.Scenario(s => s.AsLead().Get.Url($"/inspections?yot={yot}&state=open"));
        var published = await app.Host.Scenario(s => s.AsLead().Get.Url($"/inspections?yot={yot}&state=published"));

        Assert.Equal(id, Assert.Single(listed.ReadAsJson<List<CaseLedger.Api.Inspections.Reading.InspectionReads.InspectionListItem>>()!).Id);
        Assert.Empty(published.ReadAsJson<List<CaseLedger.Api.Inspections.Reading.InspectionReads.InspectionListItem>>()!);
        await app.Host.Scenario(s => { s.AsLead().Get.Url("/inspections?state=sideways"); s.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task An_inspection_reads_back_with_its_stream_version()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 2);

        var summary = (await app.Host.Scenario(s => s.AsLead().Get.Url($"/inspections/{id}"))).ReadAsJson<InspectionSummary>()!;

        Assert.Equal(await app.Host.StreamVersion(id), summary.StreamVersion);
        Assert.Equal(1, summary.OpenWeek);
        Assert.Equal(cases.Select(c => c.Id), summary.Sample.Select(c => c.Id));
        await app.Host.Scenario(s => { s.AsLead().Get.Url($"/inspections/{Guid.NewGuid()}"); s.StatusCodeShouldBe(404); });
    }
}
