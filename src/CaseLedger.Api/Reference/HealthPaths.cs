using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseLedger.Api.Reference;

/// <summary>
/// Health checks are not minimal-API handlers, so ASP.NET Core's description of endpoints never sees them; they
/// are written into the document here, as <see cref="Health.HealthEndpoints"/> answers them. They need no token:
/// their security is one empty requirement, OpenAPI's way of saying "anonymous".
/// </summary>
internal sealed class HealthPaths : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        document.Paths["/health/live"] = Path(document, "GetLiveness", "Is the process serving?",
            "Answers 200 while the process can serve at all. No dependency is checked, so a database outage does " +
            "not get the process restarted.", ready: false);
        document.Paths["/health/ready"] = Path(document, "GetReadiness", "Can this node serve traffic?",
            "Answers 200 only when the database is reachable, its schema matches this build, and the views are " +
            "moving; 503 otherwise, with each check's status. A failed check says only that it failed; the reason " +
            "is in the server log.", ready: true);
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Path(OpenApiDocument document, string operationId, string summary, string description, bool ready)
    {
        var responses = new OpenApiResponses
        {
            ["200"] = Report("Healthy.", ready ? "Healthy" : null),
            // QueryValueChecks refuses a control character in any query string, here too.
            ["400"] = Refusals.Response("400", document),
        };
        if (ready) responses["503"] = Report("Not ready: at least one check is unhealthy.", "Unhealthy");
        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = operationId,
                    Summary = summary,
                    Description = $"No token needed.\n\n{description}",
                    Tags = new HashSet<OpenApiTagReference> { new(Capability.Health, document) },
                    Security = [new OpenApiSecurityRequirement()],
                    Responses = responses,
                },
            },
        };
    }

    private static OpenApiResponse Report(string description, string? checkStatus) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "status", "checks" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["status"] = Status(),
                        ["checks"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Description = "Each check by name (`event-store`, `views`); empty for liveness.",
                            AdditionalProperties = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Required = new HashSet<string> { "status" },
                                Properties = new Dictionary<string, IOpenApiSchema>
                                {
                                    ["status"] = Status(),
                                    ["description"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                                },
                                AdditionalPropertiesAllowed = false,
                            },
                        },
                    },
                    AdditionalPropertiesAllowed = false,
                },
                Example = new JsonObject
                {
                    ["status"] = checkStatus ?? "Healthy",
                    ["checks"] = checkStatus is null ? new JsonObject() : new JsonObject
                    {
                        ["event-store"] = new JsonObject { ["status"] = checkStatus, ["description"] = null },
                    },
                },
            },
        },
    };

    private static OpenApiSchema Status() => new()
    {
        Type = JsonSchemaType.String,
        Enum = [JsonValue.Create("Healthy"), JsonValue.Create("Degraded"), JsonValue.Create("Unhealthy")],
    };
}
