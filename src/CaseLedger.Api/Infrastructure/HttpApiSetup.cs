using CaseLedger.Api.Health;
using Scalar.AspNetCore;
using Wolverine.Http;

namespace CaseLedger.Api.Infrastructure;

public static class HttpApiSetup
{
    /// <summary>The largest request body any endpoint accepts: a 5,000-judgement batch fits with room to spare.</summary>
    public const long MaxRequestBodyBytes = 8 * 1024 * 1024;

    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddProblemResponses();
        builder.Services.AddOpenApi();
        builder.Services.AddReadinessChecks();
        return builder;
    }

    public static WebApplication UseHttpApi(this WebApplication app)
    {
        app.UseCorrelationIds();
        app.UseRequestLogging();
        app.UseProblemResponses();
        app.UseRequestSizeLimit(MaxRequestBodyBytes);

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("CaseLedger API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapGet("/", () => Results.Redirect("/docs/v1")).ExcludeFromDescription();
        app.MapHealthEndpoints();
        app.MapWolverineEndpoints();
        return app;
    }
}
