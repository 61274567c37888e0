using System.Text.Json.Nodes;

namespace CaseLedger.Tests.Frameworks;

public class FrameworkReaderTests
{
    [Fact]
    public void The_minimal_framework_is_valid_and_read_whole()
    {
        var framework = MinimalFramework.Read(MinimalFramework.Node());

        Assert.Equal("minimal", framework.Id);
        Assert.Equal(["1.1", "1.2"], framework.Sections[0].Criteria.Select(criterion => criterion.Id));
        var onTime = framework.Sections[0].Criteria[0].Questions[1];
        Assert.Equal(["custody"], onTime.AppliesTo!.Settings!);
        Assert.Null(onTime.AppliesTo.SentenceTypes);
        Assert.Equal("a seed line", onTime.Source);
        Assert.Equal("lead-inspector", framework.Themes[1].JudgedBy);
    }

    [Fact]
    public void Malformed_json_is_refused_naming_the_file_and_line()
    {
        var missingComma = MinimalFramework.Json.Replace("\"version\": 1,", "\"version\": 1");

        var refusal = MinimalFramework.RefusalOf(missingComma);

        Assert.Contains("minimal-1.json: malformed JSON at line 4", refusal);
    }

    [Fact]
    public void An_unknown_property_is_refused_naming_it_and_its_owner()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 0, 0)["colour"] = "red";

        Assert.Contains("minimal-1.json: question '1.1.a' has unknown property 'colour'", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void An_unknown_property_without_an_id_to_hand_names_where_it_sits()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 0, 1)["appliesTo"]!["ages"] = new JsonArray("10-14");

        Assert.Contains("'appliesTo' of question '1.1.b' has unknown property 'ages'", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void Questions_placed_directly_on_a_section_are_in_no_criterion()
    {
        var framework = MinimalFramework.Node();
        framework.Section(1)["questions"] = new JsonArray(
            new JsonObject { ["id"] = "2.x", ["text"] = "Stray", ["keyFor"] = new JsonArray(), ["reasonCodes"] = new JsonArray("not-completed") });

        Assert.Contains(
            "minimal-1.json: section '2' holds questions outside any criterion ('2.x'); every question belongs to exactly one criterion",
            MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_null_list_entry_is_refused()
    {
        var framework = MinimalFramework.Node();
        framework.Criterion(0, 1)["questions"]!.AsArray().Add(null);

        Assert.Contains("'questions' of criterion '1.2' has a null entry at position 2", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_missing_required_property_is_refused_naming_it()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 1, 0).Remove("keyFor");

        var refusal = MinimalFramework.RefusalOf(framework);

        Assert.Contains("minimal-1.json: cannot read", refusal);
        Assert.Contains("'keyFor'", refusal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_naming_its_path()
    {
        var framework = MinimalFramework.Node();
        framework["version"] = "one";

        Assert.Contains("minimal-1.json: cannot read $.version at line 1", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_property_given_twice_in_one_object_is_refused()
    {
        var twice = MinimalFramework.Json.Replace("\"version\": 1,", "\"version\": 1, \"version\": 2,");

        Assert.Contains("minimal-1.json: framework 'minimal' has property 'version' twice", MinimalFramework.RefusalOf(twice));
    }
}
