using Scalar.AspNetCore;

namespace CaseLedger.Api.Reference;

/// <summary>
/// The API reference: the OpenAPI document at <c>/openapi/v1.json</c> and the Scalar page at <c>/docs/v1</c>, both
/// anonymous. The document is generated from the endpoints and finished by the transformers of this folder.
/// </summary>
public static class ReferenceSetup
{
    public const string DocumentPattern = "/openapi/{documentName}.json";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options => options
            .AddOperationTransformer<BearerTokens>()
            .AddOperationTransformer<Refusals>()
            .AddOperationTransformer<CsvAnswers>()
            .AddDocumentTransformer<Introduction>()
            .AddDocumentTransformer<BearerTokens>()
            .AddDocumentTransformer<Refusals>()
            .AddDocumentTransformer<HealthPaths>());

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi(DocumentPattern).AllowAnonymous();
        // Nothing on the page may call outside this host (ResponseHeaders.ReferencePagePolicy enforces it too):
        // no fonts from Scalar's CDN, no telemetry, no Ask AI agent, no MCP, no developer toolbar (its Deploy and
        // Share go to Scalar's services), no sidebar client button (it opens Scalar's hosted client). No proxy is
        // set, so "try it" sends requests straight to this host. Scalar has no option for its Generate SDK
        // button (shown on localhost), so a line of CSS hides it. A fresh nonce covers the page's inline script.
        app.MapScalarApiReference(ResponseHeaders.ReferencePath, options => options
            .WithTitle(Introduction.Title)
            .WithOpenApiRoutePattern(DocumentPattern)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .HideClientButton()
            .WithCustomCss(".generate-sdk-button, .selected-client-action { display: none !important; }")
            .AddPreferredSecuritySchemes(BearerTokens.Scheme)
            .WithNonce()).AllowAnonymous();
        return app;
    }
}
