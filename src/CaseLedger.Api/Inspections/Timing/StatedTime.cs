using System.Text.Json;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CaseLedger.Api.Inspections.Timing;

/// <summary>The optional body of a write that says nothing else (a week opening or closing, a publication): when
/// it happened, if not when it is recorded.</summary>
public sealed record StatedTime(string? OccurredAt)
{
    /// <summary>
    /// Reads the body if there is one. Wolverine binds a body it is given as required, and these writes have
    /// always been sent bare, so the endpoint reads it itself, with the same serializer options and the same
    /// field errors as every other body.
    /// </summary>
    public static async Task<(StatedTime? Stated, Rejection? Unreadable)> ReadAsync(HttpContext http, CancellationToken cancellation)
    {
        var request = http.Request;
        if (request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
            return (null, null);
        if (!request.HasJsonContentType())
            return (null, new Rejection(StatusCodes.Status415UnsupportedMediaType, "A body, when given, is JSON (application/json)."));
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return (await JsonSerializer.DeserializeAsync<StatedTime>(request.Body, options, cancellation), null);
        }
        catch (JsonException unreadable)
        {
            return (null, ClientWords.UnreadableBodyOf<StatedTime>(http, unreadable));
        }
    }
}
