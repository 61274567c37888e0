namespace CaseLedger.Tests.Yots;

/// <summary>
/// The register of YOTs (finding 5 of the security review): a lead not on a YOT's team opened and published an
/// inspection under its code with another name and region, and reporting clients saw that YOT renamed and moved.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RegisterYotTests(AppFixture app)
{
    private readonly string code = $"reg-{Guid.NewGuid():N}"[..20];

    private Task<IScenarioResult> Put(string yot, object body, int status, string role = Roles.Admin) => app.Host.Scenario(s =>
    {
        s.As("admin-1", role).Put.Json(body).ToUrl($"/yots/{yot}");
        s.StatusCodeShouldBe(status);
    });

    private Task<IScenarioResult> Open(object yot, int status, string lead = Scenarios.Lead) => app.Host.Scenario(s =>
    {
        s.As(lead, Roles.LeadInspector).Post.Json(new
        {
            frameworkId = "cci-2009",
            yot,
            fieldworkWeeks = new[] { new { number = 1, startsOn = "2030-01-07" } },
        }).ToUrl("/inspections");
        s.StatusCodeShouldBe(status);
    });

    [Fact]
    public async Task An_administrator_registers_and_changes_a_yot_and_each_change_is_in_its_history()
    {
        // When
        var created = await Put(code, new { name = "Stockport Youth Offending Service", region = "North West" }, 201);
        await Put(code, new { name = "Stockport Youth Offending Service", region = "North West" }, 200);
        var changed = await Put(code, new { name = "Stockport Youth Justice Service", region = "North West" }, 200);

        // Then
        Assert.Equal($"/yots/{code}", created.Context.Response.Headers.Location.ToString());
        var now = JsonDocument.Parse(await changed.ReadAsTextAsync()).RootElement;
        Assert.Equal("Stockport Youth Justice Service", now.GetProperty("name").GetString());
        Assert.Equal(2, now.GetProperty("version").GetInt32());

        var history = await app.Host.GetJson($"/yots/{code}/history");
        var changes = history.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal("registered", changes[0].GetProperty("kind").GetString());
        Assert.Equal("changed", changes[1].GetProperty("kind").GetString());
        Assert.Equal("Stockport Youth Offending Service", changes[1].GetProperty("previousName").GetString());
        Assert.Equal("Stockport Youth Justice Service", changes[1].GetProperty("name").GetString());
        Assert.All(changes, change =>
        {
            Assert.Equal("admin-1", change.GetProperty("by").GetString());
            Assert.Equal(Roles.Admin, change.GetProperty("role").GetString());
            Assert.True(change.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        });
        await app.Host.GetJson($"/yots/{code}/history", user: "admin-1", role: Roles.Admin);
    }

    [Fact]
    public async Task Only_an_administrator_keeps_the_register_and_bad_fields_are_a_400()
    {
        await Put(code, new { name = "A YOT", region = "London" }, 403, role: Roles.LeadInspector);
        var bad = await Put(code, new { name = "", region = "Atlantis" }, 400);
        var errors = (await bad.ProblemOf()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("region", out _));
        await app.Host.GetJson($"/yots/{code}/history", status: 404);
    }

    [Fact]
    public async Task An_inspection_names_a_registered_code_and_takes_its_name_and_region()
    {
        // Given
        await Put(code, new { name = "Stockport Youth Offending Service", region = "North West" }, 201);

        // When
        var opened = await Open(new { code }, 201);

        // Then
        var summary = opened.ReadAsJson<InspectionSummary>()!;
        Assert.Equal(new YotReference(code, "Stockport Youth Offending Service", "North West"), summary.Yot);
        Assert.Equal(new YotReference(code, "Stockport Youth Offending Service", "North West"),
            Assert.IsType<InspectionOpened>(Assert.Single(await app.Host.Events(summary.Id)).Data).Yot);
        // Repeating the register's own values is allowed too.
        await Open(new { code, name = "Stockport Youth Offending Service", region = "North West" }, 201);
    }

    [Fact]
    public async Task An_unregistered_code_is_a_400_that_names_the_register()
    {
        var result = await Open(new { code, name = "Stockport", region = "North West" }, 400);

        var message = (await result.ProblemOf()).GetProperty("errors").GetProperty("yot.code")[0].GetString()!;
        Assert.Contains($"PUT /yots/{code}", message);
    }

    [Fact]
    public async Task A_lead_cannot_rename_move_or_impersonate_a_registered_yot()
    {
        // Given: Stockport is registered and has a published inspection led by its own lead.
        await Put(code, new { name = "Stockport Youth Offending Service", region = "North West" }, 201);
        var (published, _) = await app.Host.GivenScoredInspection("cci-2009", code, "North West", "2015-03-02", 1, 10, _ => "insufficient");
        await app.Host.Publish(published);

        // When: a lead from elsewhere opens an inspection under Stockport's code with another name and region
        var refused = await Open(new { code, name = "Stockport (renamed)", region = "London" }, 409, lead: "lead-elsewhere");

        // Then: the register's values come back, and nothing was appended anywhere
        var registered = (await refused.ProblemOf()).GetProperty("registered");
        Assert.Equal("Stockport Youth Offending Service", registered.GetProperty("name").GetString());
        Assert.Equal("North West", registered.GetProperty("region").GetString());
        var yot = await app.Host.GetJson($"/yots/{code}", user: "reporting-1", role: Roles.ReportingClient);
        Assert.Equal("Stockport Youth Offending Service", yot.GetProperty("name").GetString());
        Assert.Equal("North West", yot.GetProperty("region").GetString());
        Assert.Single(yot.GetProperty("inspections").EnumerateArray());
    }

    [Fact]
    public async Task Views_name_a_yot_from_the_register_as_it_stood_at_the_moment_asked()
    {
        // Given: an inspection published under the first name, then the YOT renamed and moved
        await Put(code, new { name = "Old Name YOS", region = "Wales" }, 201);
        var (id, _) = await app.Host.GivenScoredInspection("cci-2009", code, "Wales", "2013-01-07", 1, 10, _ => "sufficient");
        await app.Host.Publish(id);
        var beforeRename = DateTimeOffset.UtcNow.ToString("O");
        await Put(code, new { name = "New Name YJS", region = "North East" }, 200);

        // Then
        var now = await app.Host.GetJson($"/yots/{code}");
        Assert.Equal(("New Name YJS", "North East"), (now.GetProperty("name").GetString(), now.GetProperty("region").GetString()));
        var then = await app.Host.GetJson($"/yots/{code}?at={Uri.EscapeDataString(beforeRename)}");
        Assert.Equal(("Old Name YOS", "Wales"), (then.GetProperty("name").GetString(), then.GetProperty("region").GetString()));

        var theme = await app.Host.GetJson("/themes/cci-2009/risk-of-harm?region=North%20East");
        var row = theme.GetProperty("yots").EnumerateArray().Single(y => y.GetProperty("code").GetString() == code);
        Assert.Equal("New Name YJS", row.GetProperty("name").GetString());
        var themeThen = await app.Host.GetJson($"/themes/cci-2009/risk-of-harm?region=Wales&at={Uri.EscapeDataString(beforeRename)}");
        Assert.Contains(themeThen.GetProperty("yots").EnumerateArray(), y => y.GetProperty("code").GetString() == code
            && y.GetProperty("name").GetString() == "Old Name YOS");

        var list = await app.Host.GetJson("/yots");
        Assert.Equal("New Name YJS", list.EnumerateArray().Single(y => y.GetProperty("code").GetString() == code).GetProperty("name").GetString());
    }
}
