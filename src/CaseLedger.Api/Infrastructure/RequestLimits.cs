using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// The API's limits on the request line and headers, answered as problem details. Kestrel enforces such limits
/// itself but answers them (414, 431) with an empty body, and offers no hook to change that; so Kestrel's own
/// limits are set well above these and this middleware refuses first. Only a request beyond Kestrel's raised
/// limits, or one Kestrel cannot parse at all (a <c>%00</c> in the path), is refused by Kestrel itself, and
/// <see cref="BareRejections"/> gives that answer its problem body.
/// </summary>
public static class RequestLimits
{
    public const int MaxRequestLineBytes = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;
    public const int MaxHeaderCount = 100;

    public static void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestBodySize = HttpApiSetup.MaxRequestBodyBytes;
        kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes * 4;
        kestrel.Limits.MaxRequestHeadersTotalSize = MaxHeaderBytes * 2;
        kestrel.Limits.MaxRequestHeaderCount = MaxHeaderCount * 2;
        kestrel.ProblemForBareRejections();
    }

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var (status, title, detail) =
                RequestLineBytes(http) > MaxRequestLineBytes
                    ? (StatusCodes.Status414UriTooLong, "The request's URL is longer than this API accepts.",
                        $"At most {MaxRequestLineBytes:N0} bytes in the request line.")
                : HeaderLines(http.Request.Headers) is var (count, bytes) && (count > MaxHeaderCount || bytes > MaxHeaderBytes)
                    ? (StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request's headers are larger than this API accepts.",
                        $"At most {MaxHeaderCount} header lines and {MaxHeaderBytes:N0} bytes of headers.")
                : (0, "", "");
            if (status == 0)
            {
                await next(http);
                return;
            }
            http.Response.StatusCode = status;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = status, Title = title, Detail = detail },
            });
        });
        return app;
    }

    // As Kestrel counts it: "METHOD target HTTP/1.1\r\n", the target as the client sent it.
    private static int RequestLineBytes(HttpContext http)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
            target = http.Request.PathBase + http.Request.Path.ToUriComponent() + http.Request.QueryString;
        return http.Request.Method.Length + target.Length + http.Request.Protocol.Length + 4;
    }

    private static (int Count, long Bytes) HeaderLines(IHeaderDictionary headers)
    {
        int count = 0;
        long bytes = 0;
        foreach (var (name, values) in headers)
            foreach (var value in values)
            {
                count++;
                bytes += name.Length + (value?.Length ?? 0) + 4;
            }
        return (count, bytes);
    }
}
