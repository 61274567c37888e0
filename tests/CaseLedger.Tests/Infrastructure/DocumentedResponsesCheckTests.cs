namespace CaseLedger.Tests.Infrastructure;

/// <summary>The contract check itself, on a small document: it must catch what a strict client would reject.</summary>
public sealed class DocumentedResponsesCheckTests
{
    private static readonly DocumentedResponses Contract = new("""
        {
          "openapi": "3.1.1",
          "paths": {
            "/things/{id}": { "get": { "responses": {
              "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
              "404": { "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } } } } },
            "/things/batch": { "get": { "responses": { "204": { "description": "nothing" } } } }
          },
          "components": { "schemas": {
            "Thing": { "type": "object", "required": ["id", "part"], "properties": { "id": { "type": "string" }, "part": { "$ref": "#/components/schemas/Part" } }, "additionalProperties": false },
            "Part": { "type": "object", "properties": { "n": { "type": "integer" } }, "additionalProperties": false },
            "Problem": { "type": "object", "properties": { "title": { "type": "string" } }, "additionalProperties": false }
          } }
        }
        """);

    private static List<string> Check(string path, int status, string mediaType, string body) =>
        [.. Contract.Disagreements(new Exchange("GET", path, status, mediaType, body, "test"))];

    [Fact]
    public void A_body_matching_its_schema_through_nested_references_conforms() =>
        Assert.Empty(Check("/things/1", 200, "application/json", """{"id":"1","part":{"n":2}}"""));

    [Theory]
    [InlineData(200, "application/json", """{"id":"1","part":{"n":"two"}}""", "part/n")]
    [InlineData(404, "application/problem+json", """{"title":"gone","traceId":"00-1"}""", "traceId")]
    [InlineData(409, "application/problem+json", """{"title":"taken"}""", "status 409 is not documented")]
    [InlineData(200, "text/csv", "id\n1", "content type text/csv is not documented")]
    public void An_answer_the_document_does_not_describe_is_a_disagreement(int status, string mediaType, string body, string named) =>
        Assert.Contains(named, Assert.Single(Check("/things/1", status, mediaType, body)));

    [Fact]
    public void A_literal_path_segment_wins_over_a_parameter() =>
        Assert.Equal("GET /things/batch", Contract.OperationOf(new Exchange("GET", "/things/batch?x=1", 204, null, "", "test")));
}
