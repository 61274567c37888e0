using Microsoft.Net.Http.Headers;
using Scalar.AspNetCore;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Headers every answer carries, set as the response starts so that error answers (the exception handler
/// clears the headers it finds) carry them too: <c>nosniff</c> always; <c>no-store</c> whenever the request
/// carried credentials (and on every page, whose cookie is one), since what a token may see must not linger in a shared cache; and on the API reference
/// page a Content-Security-Policy that lets it load only from this host.
/// </summary>
public static class ResponseHeaders
{
    public const string ReferencePath = "/docs";
    public const string PagesRoot = "/app";

    /// <summary>The pages run no script at all and load only their own stylesheet; their forms post only here.</summary>
    public const string PagesPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static WebApplication UseResponseHeaders(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                if (http.Request.Headers.ContainsKey(HeaderNames.Authorization) || http.Request.Path.StartsWithSegments(PagesRoot))
                    headers[HeaderNames.CacheControl] = "no-store";
                if (http.Request.Path.StartsWithSegments(PagesRoot))
                    headers[HeaderNames.ContentSecurityPolicy] = PagesPolicy;
                if (http.Request.Path.StartsWithSegments(ReferencePath))
                    headers[HeaderNames.ContentSecurityPolicy] = ReferencePagePolicy(
                        http.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null);
                return Task.CompletedTask;
            });
            await next(http);
        });
        return app;
    }

    /// <summary>
    /// Scalar's page runs one inline module script (its start-up call), allowed by the per-request nonce Scalar
    /// writes on its script tags; its bundle is served from this host. It injects its styles at run time (hence
    /// 'unsafe-inline' for styles only) and draws a few icons as data: images. Nothing else from anywhere.
    /// </summary>
    public static string ReferencePagePolicy(string? nonce) =>
        "default-src 'self'; " +
        (nonce is null ? "script-src 'self'; " : $"script-src 'self' 'nonce-{nonce}'; ") +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
