namespace CaseLedger.Tests.QualityAssurance;

/// <summary>Inspector figures are for leads and auditors; inspectors read their own; reporting clients none of it.</summary>
[Collection(ApiCollection.Name)]
public sealed class QaAccessTests(AppFixture app)
{
    [Fact]
    public async Task Each_reader_gets_exactly_what_is_theirs()
    {
        var qa = await QaScenario.GivenAsync(app.Host);
        var i = $"/inspections/{qa.Id}";
        // Reporting clients: refused everywhere, even on a published inspection's figures.
        await QaScenario.Lead(app.Host, Scenarios.Lead, $"{i}/publish", null, 200);
        foreach (var url in new[] { $"{i}/reliability", $"{i}/qa-samples", $"{i}/qa-samples/{qa.SampleId}", $"/inspectors/{qa.A}/reliability", "/frameworks/cci-2009/reliability" })
            await app.Host.GetJson(url, "reporting-1", Roles.ReportingClient, 403);

        // An inspector on the team: their own reliability here and across inspections, not the samples or anyone else's.
        await app.Host.GetJson($"{i}/qa-samples/{qa.SampleId}", qa.A, Roles.Inspector, 403);
        await app.Host.GetJson($"/inspectors/{qa.B}/reliability", qa.A, Roles.Inspector, 403);
        await app.Host.GetJson("/frameworks/cci-2009/reliability", qa.A, Roles.Inspector, 403);
        var own = await app.Host.GetJson($"/inspectors/{qa.A}/reliability", qa.A, Roles.Inspector);
        Assert.Equal(12, Figures.Of(own.GetProperty("overall")).Sampled);

        // An inspector or a lead from elsewhere: the inspection does not exist.
        await app.Host.GetJson($"{i}/reliability", "inspector-elsewhere", Roles.Inspector, 404);
        await app.Host.GetJson($"{i}/qa-samples/{qa.SampleId}", "lead-elsewhere", Roles.LeadInspector, 404);

        // Admins read across inspections, not inside one.
        await app.Host.GetJson($"/inspectors/{qa.A}/reliability", Scenarios.Admin, Roles.Admin);
        await app.Host.GetJson($"{i}/reliability", Scenarios.Admin, Roles.Admin, 403);
    }

    [Fact]
    public async Task Across_inspections_an_inspectors_figures_add_up_inspection_by_inspection()
    {
        var inspectors = QaScenario.NewInspectors();
        var first = await QaScenario.GivenAsync(app.Host, inspectors);
        var second = await QaScenario.GivenAsync(app.Host, inspectors);
        await app.Host.CaughtUp();

        var ofA = await app.Host.GetJson($"/inspectors/{inspectors.A}/reliability");
        Assert.Equal(2, ofA.GetProperty("inspections").GetInt32());
        Assert.Equal(new Figures(24, 2, 12, 10, 45.5, 26.9, 65.3, 8, 0, 2), Figures.Of(ofA.GetProperty("overall")));
        Assert.Equal([first.Id, second.Id], ofA.GetProperty("byInspection").EnumerateArray().Select(row => row.GetProperty("inspectionId").GetGuid()));
        Assert.Equal(new Figures(4, 0, 0, 4, 100.0, 51.0, 100.0, 4, 0, 0), Figures.Row(ofA.GetProperty("questions"), "questionId", "1.1.a"));

        var framework = await app.Host.GetJson("/frameworks/cci-2009/reliability");
        var rows = framework.GetProperty("inspectors");
        Assert.Equal(new Figures(24, 2, 12, 10, 45.5, 26.9, 65.3, 8, 0, 2), Figures.Row(rows, "inspector", inspectors.A));
        Assert.Equal(new Figures(24, 0, 22, 2, 8.3, 2.3, 25.8, 0, 2, 0), Figures.Row(rows, "inspector", inspectors.B));
        foreach (var id in new[] { first.Id, second.Id })
            Assert.Equal(new Figures(24, 1, 17, 6, 26.1, 12.5, 46.5, 4, 1, 1),
                Figures.Of(framework.GetProperty("byInspection").EnumerateArray().Single(row => row.GetProperty("inspectionId").GetGuid() == id).GetProperty("figures")));
        Assert.Contains("1.1.a", framework.GetProperty("mostDisputed").EnumerateArray().Select(q => q.GetProperty("questionId").GetString()));
        await app.Host.GetJson("/frameworks/no-such-framework/reliability", status: 404);
    }
}
