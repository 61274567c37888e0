namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Refuses a declared body over the limit before anything reads it. Kestrel enforces the same limit on bodies
/// that declare no length; this check makes the answer a problem-details 413 on every server, the test server
/// included.
/// </summary>
public static class RequestSizeLimit
{
    public static WebApplication UseRequestSizeLimit(this WebApplication app, long maxBytes)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > maxBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "The request body is larger than this endpoint accepts.",
                        Detail = $"At most {maxBytes:N0} bytes.",
                    },
                });
                return;
            }
            await next(http);
        });
        return app;
    }
}
