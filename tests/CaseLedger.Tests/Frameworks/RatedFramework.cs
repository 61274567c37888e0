using System.Text.Json.Nodes;

namespace CaseLedger.Tests.Frameworks;

/// <summary>
/// The smallest framework that rates standards and passes every rule. Two case-sample standards (one with two key
/// questions) and one standard rated from evidence, so 0–9 points. The overall bands are for the tests. Each
/// rule's test breaks it in one way.
/// </summary>
internal static class RatedFramework
{
    public const string Json = """
        {
          "id": "rated",
          "version": 1,
          "name": "Rated framework",
          "source": "written for the tests",
          "reasonCodes": [ { "id": "not-sufficient", "label": "Not sufficient" } ],
          "themes": [],
          "sections": [
            { "id": "1", "title": "Organisational delivery", "criteria": [] },
            {
              "id": "2",
              "title": "Court disposals",
              "criteria": [
                {
                  "id": "2.1",
                  "title": "Assessment",
                  "questions": [
                    { "id": "2.1.1", "text": "Desistance", "keyFor": [], "reasonCodes": ["not-sufficient"], "prompts": ["Is the child's history analysed?"] },
                    { "id": "2.1.2", "text": "Safety of the child", "keyFor": [], "reasonCodes": ["not-sufficient"] }
                  ]
                },
                {
                  "id": "2.2",
                  "title": "Planning",
                  "questions": [ { "id": "2.2.1", "text": "Desistance", "keyFor": [], "reasonCodes": ["not-sufficient"] } ]
                }
              ]
            }
          ],
          "banding": {
            "provenance": "chosen for the tests",
            "bands": [
              { "id": "inadequate", "label": "Inadequate", "from": 0, "to": 49 },
              { "id": "requires-improvement", "label": "Requires improvement", "from": 50, "to": 64 },
              { "id": "good", "label": "Good", "from": 65, "to": 79 },
              { "id": "outstanding", "label": "Outstanding", "from": 80, "to": 100 }
            ]
          },
          "ratings": {
            "provenance": "chosen for the tests",
            "scale": [
              { "id": "outstanding", "label": "Outstanding", "points": 3 },
              { "id": "good", "label": "Good", "points": 2 },
              { "id": "requires-improvement", "label": "Requires improvement", "points": 1 },
              { "id": "inadequate", "label": "Inadequate", "points": 0 }
            ],
            "overallBands": [
              { "rating": "inadequate", "from": 0, "to": 2 },
              { "rating": "requires-improvement", "from": 3, "to": 5 },
              { "rating": "good", "from": 6, "to": 7 },
              { "rating": "outstanding", "from": 8, "to": 9 }
            ],
            "standards": [
              { "id": "1.1", "title": "Governance and leadership", "domain": "1", "ratedFrom": "evidence" },
              { "id": "2.1", "title": "Assessment", "domain": "2", "keyQuestions": ["2.1.1", "2.1.2"] },
              { "id": "2.2", "title": "Planning", "domain": "2", "keyQuestions": ["2.2.1"] }
            ],
            "overrides": { "allowed": true, "provenance": "chosen for the tests" }
          }
        }
        """;

    public static JsonObject Node() => JsonNode.Parse(Json)!.AsObject();

    public static JsonObject Ratings(this JsonObject framework) => framework["ratings"]!.AsObject();

    public static JsonObject Standard(this JsonObject framework, int index) => framework.Ratings()["standards"]![index]!.AsObject();

    public static Framework Read(JsonNode framework) => FrameworkReader.Read("rated-1.json", framework.ToJsonString());

    public static string RefusalOf(JsonNode framework) =>
        Assert.Throws<FrameworkValidationException>(() => FrameworkReader.Read("rated-1.json", framework.ToJsonString())).Message;
}
