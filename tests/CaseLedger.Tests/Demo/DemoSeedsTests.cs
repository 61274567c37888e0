using System.Text;
using System.Text.Json.Nodes;
using CaseLedger.Demo;

namespace CaseLedger.Tests.Demo;

/// <summary>The seed files are read strictly: a slip in one stops the demo instead of moving a published figure.</summary>
public class DemoSeedsTests
{
    [Fact]
    public void Each_seed_file_reads_as_the_inspection_it_names()
    {
        Assert.Equal(["northamptonshire", "lambeth", "stockport", "southend", "norfolk", "riverford"], DemoInspections.All.Select(inspection => inspection.Key));
        Assert.Equal(["002", "004", "001", "003", "000", "none"], DemoInspections.All.Select(inspection => inspection.Seed));
        Assert.All(DemoInspections.All, inspection => Assert.Equal(inspection.Key, inspection.Yot.Code));
    }

    /// <summary>Each slip is a JSON merge patch (RFC 7386) on Norfolk's file; a null removes the field.</summary>
    [Theory]
    [InlineData("""{ "sample": { "terminateds": 10 } }""")]
    [InlineData("""{ "sample": { "seed": null } }""")]
    [InlineData("""{ "sample": { "terminated": "ten" } }""")]
    [InlineData("""{ "yot": { "name": null } }""")]
    [InlineData("""{ "answers": { "kind": "published-findings" } }""")]
    [InlineData("""{ "changes": [{ "kind": "revision", "count": 5 }] }""")]
    [InlineData("""{ "changes": [{ "kind": "rewrite", "week": 1, "count": 5 }] }""")]
    public void A_slip_in_a_seed_file_is_refused(string slip)
    {
        var seed = Norfolk();
        MergePatch(seed, JsonNode.Parse(slip)!.AsObject());

        Assert.ThrowsAny<JsonException>(() => Parse(seed));
    }

    [Fact]
    public void A_finding_that_states_only_one_count_is_refused()
    {
        var seed = Norfolk();
        var stated = seed["answers"]!["questions"]!.AsArray().First(finding => finding!["applicable"] is not null)!.AsObject();
        stated.Remove("sufficient");

        Assert.Contains("how many sufficient", Assert.Throws<InvalidOperationException>(() => Parse(seed)).Message);
    }

    [Fact]
    public void A_seed_file_under_another_key_is_refused()
    {
        var seed = Norfolk();
        seed["key"] = "southend";

        Assert.Contains("describes 'southend'", Assert.Throws<InvalidOperationException>(() => Parse(seed)).Message);
    }

    [Fact]
    public void A_sample_whose_counts_do_not_add_up_is_refused()
    {
        var seed = Norfolk();
        seed["sample"]!["genders"]!["male"] = 26;

        Assert.Contains("by genders", Assert.Throws<InvalidOperationException>(() => Parse(seed)).Message);
    }

    private static JsonObject Norfolk()
    {
        using var file = DemoInspections.OpenSeed("norfolk");
        return JsonNode.Parse(file)!.AsObject();
    }

    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null)
                target.Remove(name);
            else if (value is JsonObject inner && target[name] is JsonObject existing)
                MergePatch(existing, inner);
            else
                target[name] = value.DeepClone();
        }
    }

    private static DemoInspection Parse(JsonObject seed) =>
        DemoInspections.Parse("norfolk", new MemoryStream(Encoding.UTF8.GetBytes(seed.ToJsonString())));
}
