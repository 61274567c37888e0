using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseLedger.Api.Reference;

/// <summary>
/// Declares the bearer (JWT) scheme and says, on every operation, that it needs a token and which roles may call
/// it. Both come from the endpoint's own authorization metadata (every Wolverine endpoint requires a token, see
/// HttpApiSetup; <c>[Authorize(Roles = ...)]</c> narrows it), so the document cannot drift from what is enforced.
/// </summary>
internal sealed class BearerTokens : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Scheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT whose `sub` claim is the user and whose `role` claim is one of `inspector`, " +
                "`lead-inspector`, `auditor`, `reporting-client`, `admin`. In Development `ops/token --user U --role R` " +
                "prints one; in production the OpenID Connect authority issues it for the audience `caseledger`.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse());

        var roles = metadata.OfType<IAuthorizeData>().SelectMany(data => data.Roles?.Split(',') ?? []).Select(role => role.Trim())
            .Distinct().ToList();
        var who = roles.Count == 0 ? "Any valid token." : $"Roles: {string.Join(", ", roles.Select(role => $"`{role}`"))}.";
        if (roles.Count > 0) operation.Responses.TryAdd("403", new OpenApiResponse());
        operation.Description = string.IsNullOrEmpty(operation.Description) ? who : $"{who}\n\n{operation.Description}";
        return Task.CompletedTask;
    }
}
