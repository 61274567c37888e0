using System.Text.Json.Nodes;

namespace CaseLedger.Tests.Frameworks;

public class FrameworkValidatorTests
{
    [Fact]
    public void A_question_in_two_criteria_is_refused_naming_both()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 1, 0)["id"] = "1.1.a";

        Assert.Contains("minimal-1.json: question '1.1.a' is in two criteria (1.1, 1.2)", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_question_listed_twice_in_one_criterion_is_refused()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 0, 1)["id"] = "1.1.a";

        Assert.Contains("question '1.1.a' is listed twice in criterion '1.1'", MinimalFramework.RefusalOf(framework));
    }

    [Theory]
    [InlineData("section", "2", "1")]
    [InlineData("criterion", "1.2", "1.1")]
    [InlineData("headline theme", "governance", "safeguarding")]
    [InlineData("reason code", "not-timely", "not-completed")]
    [InlineData("band", "high", "low")]
    public void A_duplicate_id_is_refused(string kind, string renamed, string to)
    {
        var framework = MinimalFramework.Node();
        ElementWithId(framework, renamed)["id"] = to;

        Assert.Contains($"minimal-1.json: {kind} id '{to}' is used twice", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_key_question_for_an_undeclared_theme_is_refused()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 0, 1)["keyFor"] = new JsonArray("risk-of-harm");

        Assert.Contains(
            "minimal-1.json: question '1.1.b' is key for headline theme 'risk-of-harm', which is not declared in themes",
            MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void An_undeclared_reason_code_is_refused()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 0, 0)["reasonCodes"] = new JsonArray("not-completed", "not-reviewed");

        Assert.Contains(
            "minimal-1.json: question '1.1.a' lists reason code 'not-reviewed', which is not declared in reasonCodes",
            MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_question_with_no_reason_codes_is_refused()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 0, 0)["reasonCodes"] = new JsonArray();

        Assert.Contains("question '1.1.a' lists no reason codes", MinimalFramework.RefusalOf(framework));
    }

    [Theory]
    [InlineData("settings", "prison", "community, custody")]
    [InlineData("sentenceTypes", "caution", "referral-order, youth-rehabilitation-order, detention-and-training-order, other-custodial-sentence, out-of-court-disposal")]
    [InlineData("riskOfHarm", "very high", "low, medium, high, very-high")]
    public void An_applicability_value_outside_the_vocabulary_is_refused(string attribute, string value, string vocabulary)
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 0, 1)["appliesTo"]![attribute] = new JsonArray(value);

        Assert.Contains(
            $"minimal-1.json: question '1.1.b' applies to {attribute} '{value}', which is not one of: {vocabulary}",
            MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void An_empty_applicability_list_is_refused_because_it_would_apply_to_no_case()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 0, 1)["appliesTo"]!["settings"] = new JsonArray();

        Assert.Contains("question '1.1.b' has an empty settings list", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_headline_theme_without_key_questions_is_refused_unless_a_person_judges_it()
    {
        var framework = MinimalFramework.Node();
        framework["themes"]!.AsArray().Add(new JsonObject { ["id"] = "risk-of-harm", ["title"] = "Risk of Harm" });

        var refusal = MinimalFramework.RefusalOf(framework);

        Assert.Contains("minimal-1.json: headline theme 'risk-of-harm' has no key questions and is not judgedBy a person", refusal);
        Assert.DoesNotContain("'governance'", refusal);
    }

    [Fact]
    public void A_theme_judged_by_a_person_may_not_also_have_key_questions()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 0, 1)["keyFor"] = new JsonArray("governance");

        Assert.Contains(
            "headline theme 'governance' is judgedBy lead-inspector but also has key questions (1.1.b)",
            MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_theme_judged_by_an_unknown_role_is_refused()
    {
        var framework = MinimalFramework.Node();
        framework["themes"]![1]!["judgedBy"] = "chief-inspector";

        Assert.Contains("headline theme 'governance' is judgedBy 'chief-inspector', which is not one of", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void A_criterion_without_questions_is_refused()
    {
        var framework = MinimalFramework.Node();
        framework.Criterion(0, 1)["questions"] = new JsonArray();

        Assert.Contains("criterion '1.2' has no questions", MinimalFramework.RefusalOf(framework));
    }

    [Theory]
    [InlineData("question", "text")]
    [InlineData("criterion", "title")]
    [InlineData("section", "title")]
    [InlineData("headline theme", "title")]
    [InlineData("reason code", "label")]
    [InlineData("band", "label")]
    public void An_empty_title_or_text_is_refused(string kind, string field)
    {
        var framework = MinimalFramework.Node();
        var (element, id) = FirstOf(framework, kind);
        element[field] = " ";

        Assert.Contains($"minimal-1.json: {kind} '{id}' has an empty {field}", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void An_empty_id_is_refused_saying_where_it_is()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 1, 0)["id"] = "";

        Assert.Contains("minimal-1.json: a question in criterion '1.2' has an empty id", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void An_id_that_would_not_survive_a_url_is_refused()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 1, 0)["id"] = "1.2 A";

        Assert.Contains("question '1.2 A' has an id with characters other than a-z, 0-9", MinimalFramework.RefusalOf(framework));
    }

    [Fact]
    public void An_empty_framework_name_and_a_version_below_one_are_refused()
    {
        var framework = MinimalFramework.Node();
        framework["name"] = "";
        framework["version"] = 0;

        var refusal = MinimalFramework.RefusalOf(framework);

        Assert.Contains("framework 'minimal' has an empty name", refusal);
        Assert.Contains("framework 'minimal' has version 0; versions start at 1", refusal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var framework = MinimalFramework.Node();
        framework.Question(0, 0, 0)["reasonCodes"] = new JsonArray("lost");
        framework.Question(0, 1, 0)["keyFor"] = new JsonArray("nowhere");

        var refusal = MinimalFramework.RefusalOf(framework);

        Assert.Contains("reason code 'lost'", refusal);
        Assert.Contains("headline theme 'nowhere'", refusal);
    }

    private static JsonObject ElementWithId(JsonNode node, string id) =>
        Descendants(node).First(element => (string?)element["id"] == id);

    private static (JsonObject Element, string Id) FirstOf(JsonObject framework, string kind)
    {
        var element = kind switch
        {
            "question" => framework.Question(0, 0, 0),
            "criterion" => framework.Criterion(0, 0),
            "section" => framework.Section(0),
            "headline theme" => framework["themes"]![0]!.AsObject(),
            "reason code" => framework["reasonCodes"]![0]!.AsObject(),
            _ => framework.Bands()[0]!.AsObject(),
        };
        return (element, (string)element["id"]!);
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode node) => node switch
    {
        JsonObject obj => [obj, .. obj.Select(property => property.Value).OfType<JsonNode>().SelectMany(Descendants)],
        JsonArray array => array.OfType<JsonNode>().SelectMany(Descendants),
        _ => [],
    };
}
