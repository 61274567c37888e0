using System.Net.Http.Json;
using CaseLedger.Api.QualityAssurance;
using CaseLedger.Demo;

namespace CaseLedger.Tests.Demo;

/// <summary>Lambeth and Northamptonshire carry a QA sample, so their reliability figures say something: counted
/// here again from the events, and naming the inspector the synthesis chose to be overturned most.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoQaTests(AppFixture app)
{
    [Theory]
    [InlineData("lambeth")]
    [InlineData("northamptonshire")]
    public async Task The_qa_sample_is_all_decided_and_the_inspector_overturned_most_is_the_one_the_synthesis_named(string key)
    {
        await app.Host.EnsureDemoLoaded();
        var inspection = DemoInspections.Named(key);
        var plan = inspection.QualityAssurance!;
        var view = await (await app.Host.Auditor().GetAsync($"/inspections/{inspection.Id}/reliability"))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();

        // Counted from the ledger: the drawn items, then which of them a moderation overturned or a confirmation kept.
        var events = await app.Host.Events(inspection.Id);
        var drawn = Assert.Single(events.Select(e => e.Data).OfType<QaSampleDrawn>());
        var overturned = events.Select(e => e.Data).OfType<JudgementModerated>().Select(m => m.JudgementId)
            .Intersect(drawn.Items.Select(item => item.JudgementId)).ToHashSet();
        var confirmed = events.Select(e => e.Data).OfType<JudgementConfirmed>().Select(c => c.JudgementId).ToHashSet();
        Assert.Equal(drawn.Items.Count, overturned.Count + confirmed.Count);
        Assert.Equal(plan.Seed, drawn.Seed);

        var rows = view.GetProperty("inspectors").EnumerateArray().ToDictionary(row => row.GetProperty("inspector").GetString()!, row => row.GetProperty("figures"));
        foreach (var (inspector, items) in drawn.Items.GroupBy(item => item.Inspector).Select(group => (group.Key, group.ToList())))
        {
            var figures = rows[inspector];
            Assert.Equal(Math.Min(plan.PerInspector, items.Count), figures.GetProperty("sampled").GetInt32());
            Assert.Equal(items.Count(item => overturned.Contains(item.JudgementId)), figures.GetProperty("overturned").GetInt32());
            Assert.Equal(items.Count(item => confirmed.Contains(item.JudgementId)), figures.GetProperty("confirmed").GetInt32());
            Assert.Equal(0, figures.GetProperty("pending").GetInt32());
        }
        var most = rows.MaxBy(row => row.Value.GetProperty("overturned").GetInt32());
        Assert.Equal(plan.OverturnedMostOften, most.Key);
        Assert.True(most.Value.GetProperty("overturned").GetInt32() >= 3);

        // The published figures stand beside the ones without QA's moderations.
        var scores = await (await app.Host.Auditor().GetAsync($"/inspections/{inspection.Id}/scores"))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        foreach (var effect in view.GetProperty("whatQaChanged").EnumerateArray())
        {
            var published = scores.GetProperty("scores").Scope(effect.GetProperty("kind").GetString()!, effect.GetProperty("id").GetString()!);
            Assert.Equal(published.IntOrNull("score"), effect.GetProperty("withModeration").IntOrNull("score"));
        }
        Assert.Contains(view.GetProperty("whatQaChanged").EnumerateArray(), effect => effect.GetProperty("withoutModeration").GetProperty("exactPercentage").ToString()
            != effect.GetProperty("withModeration").GetProperty("exactPercentage").ToString());
    }
}
