using System.Net.Http.Json;
using CaseLedger.Demo;

namespace CaseLedger.Tests.Demo;

/// <summary>The fictional Riverford inspection under today's framework: labelled fictional, its judgements giving every
/// rating at least once, with evidence ratings and one override, and its overall rating counted from them.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoYouthTests(AppFixture app)
{
    [Fact]
    public async Task Riverford_is_labelled_fictional_and_its_judgements_give_every_rating()
    {
        await app.Host.EnsureDemoLoaded();
        var riverford = DemoInspections.Named("riverford");
        Assert.Contains("Fictional", riverford.Title);
        Assert.Contains("fictional", riverford.Yot.Name);

        var scores = await (await app.Host.Auditor().GetAsync($"/inspections/{riverford.Id}/scores"))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var standards = scores.GetProperty("ratings").GetProperty("standards").EnumerateArray().ToList();
        var derived = standards.Where(s => s.GetProperty("basis").GetString() == "case-sample").Select(s => s.GetProperty("derived").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "outstanding", "good", "requires-improvement", "inadequate" }, derived);

        // Each derived rating is the band of its lowest key question, recounted here from the judgements' counts.
        foreach (var standard in standards.Where(s => s.GetProperty("basis").GetString() == "case-sample"))
        {
            var lowest = standard.GetProperty("keyQuestions").EnumerateArray().MinBy(k => (double)k.GetProperty("sufficient").GetInt32() / (k.GetProperty("sufficient").GetInt32() + k.GetProperty("insufficient").GetInt32()))!;
            var percent = Math.Round(100m * lowest.GetProperty("sufficient").GetInt32() / (lowest.GetProperty("sufficient").GetInt32() + lowest.GetProperty("insufficient").GetInt32()), MidpointRounding.AwayFromZero);
            var band = percent >= 80 ? "outstanding" : percent >= 65 ? "good" : percent >= 50 ? "requires-improvement" : "inadequate";
            Assert.Equal(band, standard.GetProperty("derived").GetString());
        }
        var overridden = Assert.Single(standards, s => s.GetProperty("overridden").GetBoolean());
        Assert.Equal(("2.4", "inadequate", "requires-improvement"),
            (overridden.GetProperty("id").GetString(), overridden.GetProperty("derived").GetString(), overridden.GetProperty("rating").GetString()));
        Assert.Equal(6, standards.Count(s => s.GetProperty("basis").GetString() == "evidence" && s.GetProperty("evidence").ValueKind == JsonValueKind.Object));

        var overall = scores.GetProperty("ratings").GetProperty("overall");
        var counted = standards.Where(s => s.GetProperty("countsTowardOverall").GetBoolean()).Sum(s => s.GetProperty("points").GetInt32());
        Assert.Equal((counted, "good"), (overall.GetProperty("points").GetInt32(), overall.GetProperty("rating").GetString()));
    }
}
