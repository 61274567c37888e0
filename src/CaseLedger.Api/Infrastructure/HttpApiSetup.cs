using System.Text.Json.Serialization;
using CaseLedger.Api.Health;
using CaseLedger.Api.Reference;

namespace CaseLedger.Api.Infrastructure;

public static class HttpApiSetup
{
    /// <summary>The largest request body any endpoint accepts: a 5,000-judgement batch fits with room to spare.</summary>
    public const long MaxRequestBodyBytes = 8 * 1024 * 1024;

    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(RequestLimits.ConfigureKestrel);
        builder.Services.AddProblemResponses();
        // A field the API does not know is refused, not ignored: above all a "user" or "recordedBy" a client
        // might hope to act as. Who acts comes from the token alone.
        // A key sent twice (in any case: names match case-insensitively) is refused too, not won by the last one.
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.AllowDuplicateProperties = false;
        });
        builder.Services.AddApiReference();
        builder.Services.AddReadinessChecks();
        return builder;
    }

    public static WebApplication UseHttpApi(this WebApplication app)
    {
        app.UseResponseHeaders();
        app.UseCorrelationIds();
        app.UseRequestLogging();
        app.UseProblemResponses();
        app.UseRequestLimits();
        app.UseRequestSizeLimit(MaxRequestBodyBytes);
        app.UseQueryValueChecks();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapApiReference();
        app.MapGet("/", () => Results.Redirect("/docs/v1")).ExcludeFromDescription().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapWolverineEndpoints(options =>
        {
            options.RequireAuthorizeOnAll();
            // '?limit=abc' is the client's mistake: a 400, never silently the default value.
            options.RejectUnparseableQueryValues = true;
        });
        return app;
    }
}
