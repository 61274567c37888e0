using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseLedger.Api.Reference;

/// <summary>
/// Marks an endpoint that also answers <c>text/csv</c> when asked with <c>Accept</c> (see <see cref="Csv"/>), so the
/// document lists CSV beside JSON on its success response.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnswersCsvAttribute : Attribute;

internal sealed class CsvAnswers : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<AnswersCsvAttribute>().Any()) return Task.CompletedTask;
        if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse { Content: { } content })
            content[Csv.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "RFC 4180 CSV with a header row, sent as an attachment named for what it holds; a text cell " +
                        "a spreadsheet would run as a formula gets a leading `'`.",
                },
            };
        return Task.CompletedTask;
    }
}
