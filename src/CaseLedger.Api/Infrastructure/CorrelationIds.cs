using Serilog.Context;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Every request carries a correlation id: the caller's <c>X-Correlation-Id</c> when it sends a usable one,
/// otherwise a new one. It is echoed in the response, pushed into every log line, and stamped on every event
/// the request appends, so an auditor can follow one action from the client to the ledger.
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    private const int MaxLength = 128;
    private static readonly object ItemKey = new();

    public static string CorrelationId(this HttpContext http) =>
        http.Items.TryGetValue(ItemKey, out var value) && value is string id ? id : http.TraceIdentifier;

    public static WebApplication UseCorrelationIds(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var id = Accept(http.Request.Headers[Header].ToString()) ?? Guid.NewGuid().ToString("N");
            http.Items[ItemKey] = id;
            // Set as the response starts, so an answer the exception handler rewrote (it clears headers) keeps it.
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[Header] = id;
                return Task.CompletedTask;
            });
            using (LogContext.PushProperty("CorrelationId", id))
                await next(http);
        });
        return app;
    }

    // A caller's id is only trusted as far as it is safe to log and store: short, printable ASCII.
    private static string? Accept(string candidate) =>
        candidate.Length is > 0 and <= MaxLength && candidate.All(c => c is > ' ' and <= '~') ? candidate : null;
}
