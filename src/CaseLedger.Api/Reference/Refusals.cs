using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseLedger.Api.Reference;

/// <summary>
/// Documents every refusal as the problem body the API really writes. The schema generated from
/// <see cref="ProblemDetails"/> knows only its five members and forbids the rest, yet every problem carries
/// <c>traceId</c> and <c>correlationId</c> (ProblemDetailsSetup), a 400 names its fields in <c>errors</c>
/// (FieldErrors), and a 409 adds what stands (<c>current</c>, <c>registered</c>, ...: Rejection's extensions): a
/// strict client would reject them all. It also drops two responses Wolverine adds on its own: a body-less 404 for
/// a null result (no endpoint here returns null) and a 200 typed <c>IResult</c> beside the declared success.
/// </summary>
internal sealed class Refusals : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public const string ProblemSchema = "ProblemDetails";
    public const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses is not { } responses) return Task.CompletedTask;
        foreach (var (status, response) in responses.ToList())
        {
            if (status == "404" && response.Content is not { Count: > 0 }) responses.Remove(status);
            if (status == "200" && responses.Count > 1 && response.Content?.Values.Any(ReturnsIResult) == true) responses.Remove(status);
        }
        // Every route refuses a query string holding a control character (QueryValueChecks) before anything else.
        responses.TryAdd("400", new OpenApiResponse());

        foreach (var status in responses.Keys.Where(status => status.StartsWith('4') || status.StartsWith('5')).ToList())
            responses[status] = Response(status, context.Document!);
        return Task.CompletedTask;
    }

    /// <summary>A refusal with this status as the API writes it: a problem body, with an example.</summary>
    public static OpenApiResponse Response(string status, OpenApiDocument document) => new()
    {
        Description = Meaning(status),
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document), Example = Example(status) },
        },
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem(document);
        // Only the Wolverine default responses dropped above referred to it.
        document.Components.Schemas.Remove("IResult");
        return Task.CompletedTask;
    }

    private static bool ReturnsIResult(OpenApiMediaType media) => media.Schema is OpenApiSchemaReference { Reference.Id: "IResult" };

    private static OpenApiSchema Text(string description) =>
        new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Problem(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. Besides the standard members it carries the request's `correlationId` " +
            "and `traceId`; a 400 for bad fields names each in `errors`; a 409 may add members that show what stands " +
            "(`current` for a stale version, `registered` for a YOT, `existing` for a duplicate), hence further " +
            "members are allowed.",
        Required = new HashSet<string> { "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI reference identifying the kind of problem."),
            ["title"] = Text("What went wrong, in words a person can act on."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status code." },
            ["detail"] = Text("More about this occurrence, when there is more to say."),
            ["instance"] = Text("The request path this problem answers."),
            ["traceId"] = Text("The W3C trace id of the request, for the server's traces."),
            ["correlationId"] = Text("The request's correlation id (sent back in X-Correlation-Id), for the server's log."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For invalid fields: each field's path (`yot.code`, `judgements[7].answer`) and what is wrong with it.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["current"] = Described(new OpenApiSchemaReference("JudgementView", document), "On a 409 for a stale or empty change: the judgement as it stands."),
            ["registered"] = Described(new OpenApiSchemaReference("YotReference", document), "On a 409 for a YOT that differs from the register: the register's values."),
            ["existing"] = new OpenApiSchema { Description = "On a 409 for a duplicate: what already holds the id or the case and question (a judgement or a case), or null." },
        },
        AdditionalPropertiesAllowed = true,
    };

    /// <summary>A reference with a description of its own, which OpenAPI 3.1 allows beside <c>$ref</c>.</summary>
    private static OpenApiSchemaReference Described(OpenApiSchemaReference reference, string description)
    {
        reference.Description = description;
        return reference;
    }

    private static string Meaning(string status) => status switch
    {
        "400" => "Invalid input: the fields at fault are named in `errors`; nothing was appended.",
        "401" => "No token, an expired one, or one not signed by the configured authority.",
        "403" => "The token's role may not do this.",
        "404" => "No such resource, or one outside the caller's reach (answered alike, so existence does not leak).",
        "409" => "A rule of the ledger refuses it (for instance a stale `expectedVersion`); extra members show what stands.",
        "413" => "The request body is larger than 8 MB.",
        "415" => "A body was sent with a content type other than `application/json`.",
        _ => "Refused.",
    };

    private static JsonNode Example(string status)
    {
        var example = new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5." + status switch
            {
                "400" => "1", "401" => "2", "403" => "4", "404" => "5", "409" => "10", "413" => "14", "415" => "16", _ => "1",
            },
            ["title"] = status switch
            {
                "400" => "The request has invalid fields.",
                "401" => "Authentication is required.",
                "403" => "Only a lead inspector may open an inspection.",
                "404" => "No inspection 3f2c1a0e-5b7d-4c1e-9a61-2f0d8e4b7c55.",
                "409" => "The YOT's name or region differs from the register's.",
                _ => "The request could not be read.",
            },
            ["status"] = int.Parse(status),
            ["instance"] = "/inspections",
            ["traceId"] = "00-7c3f5e1b9a2d4f6e8b0c1d2e3f4a5b6c-1a2b3c4d5e6f7a8b-00",
            ["correlationId"] = "5f0c3a9e2b7d4e1f8a6c0b2d4e6f8a1c",
        };
        if (status == "400") example["errors"] = new JsonObject { ["answer"] = new JsonArray("'maybe' is not one of sufficient, insufficient, not-applicable.") };
        if (status == "409")
            example["registered"] = new JsonObject { ["code"] = "stockport", ["name"] = "Stockport Youth Offending Service", ["region"] = "North West" };
        return example;
    }
}
