using System.Text.Json.Nodes;

namespace CaseLedger.Tests.Frameworks;

/// <summary>
/// The smallest framework that passes every rule. Each rule's test breaks it in exactly one way, so a failure
/// can only come from the rule under test.
/// </summary>
internal static class MinimalFramework
{
    public const string FileName = "minimal-1.json";

    public const string Json = """
        {
          "id": "minimal",
          "version": 1,
          "name": "Minimal framework",
          "source": "written for the tests",
          "reasonCodes": [
            { "id": "not-completed", "label": "Not completed" },
            { "id": "not-timely", "label": "Not completed on time" }
          ],
          "themes": [
            { "id": "safeguarding", "title": "Safeguarding" },
            { "id": "governance", "title": "Governance", "judgedBy": "lead-inspector" }
          ],
          "sections": [
            {
              "id": "1",
              "title": "Assessment",
              "criteria": [
                {
                  "id": "1.1",
                  "title": "Risk of Harm",
                  "questions": [
                    { "id": "1.1.a", "text": "Screening completed", "keyFor": ["safeguarding"], "reasonCodes": ["not-completed"] },
                    {
                      "id": "1.1.b",
                      "text": "Screening completed on time",
                      "keyFor": [],
                      "reasonCodes": ["not-completed", "not-timely"],
                      "appliesTo": { "settings": ["custody"], "riskOfHarm": ["high", "very-high"] },
                      "source": "a seed line"
                    }
                  ]
                },
                {
                  "id": "1.2",
                  "title": "Likelihood of Reoffending",
                  "questions": [
                    { "id": "1.2.a", "text": "Plan in place", "keyFor": ["safeguarding"], "reasonCodes": ["not-completed"] }
                  ]
                }
              ]
            },
            { "id": "2", "title": "Governance", "criteria": [] }
          ],
          "banding": {
            "provenance": "chosen for the tests",
            "bands": [
              { "id": "low", "label": "Low", "from": 0, "to": 49 },
              { "id": "high", "label": "High", "from": 50, "to": 100 }
            ]
          }
        }
        """;

    /// <summary>A fresh, editable copy; tests change one thing in it.</summary>
    public static JsonObject Node() => JsonNode.Parse(Json)!.AsObject();

    public static JsonObject Section(this JsonObject framework, int index) =>
        framework["sections"]![index]!.AsObject();

    public static JsonObject Criterion(this JsonObject framework, int section, int index) =>
        framework.Section(section)["criteria"]![index]!.AsObject();

    public static JsonObject Question(this JsonObject framework, int section, int criterion, int index) =>
        framework.Criterion(section, criterion)["questions"]![index]!.AsObject();

    public static JsonArray Bands(this JsonObject framework) => framework["banding"]!["bands"]!.AsArray();

    public static Framework Read(JsonNode framework) => FrameworkReader.Read(FileName, framework.ToJsonString());

    /// <summary>Reads the broken framework and returns the reason it was refused.</summary>
    public static string RefusalOf(JsonNode framework) => RefusalOf(framework.ToJsonString());

    public static string RefusalOf(string json) =>
        Assert.Throws<FrameworkValidationException>(() => FrameworkReader.Read(FileName, json)).Message;
}
