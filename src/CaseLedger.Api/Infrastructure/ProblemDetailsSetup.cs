using Microsoft.AspNetCore.Diagnostics;

namespace CaseLedger.Api.Infrastructure;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error leaves as RFC 9457 problem details: unknown routes and wrong methods through the status-code
    /// pages, exceptions through <see cref="UnhandledExceptionHandler"/>. Each problem carries the request's
    /// correlation id so that a client's report can be matched to the server's log.
    /// </summary>
    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        // First, so it is asked before the framework's writer, which it then calls.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            ClientWords.Rewrite(context);
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.CorrelationId();
        });
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        return services;
    }

    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}

/// <summary>
/// Logs an exception in full and answers with a problem that says nothing of the server's insides. A request the
/// server could not read (malformed body, body over the size limit) is the client's error and keeps its 4xx.
/// </summary>
internal sealed class UnhandledExceptionHandler(
    IProblemDetailsService problems, ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellation)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is larger than this endpoint accepts."
                    : "The request could not be read.",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? null : bad.Message,
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "The server failed to handle this request.",
                Detail = "The failure has been logged with this request's correlation id.",
            },
        };

        if (problem.Status >= 500)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
        else
            logger.LogInformation("Rejected unreadable request on {Method} {Path}: {Reason}",
                http.Request.Method, http.Request.Path, exception.Message);

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
        });
    }
}
