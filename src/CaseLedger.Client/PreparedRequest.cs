using System.Net.Http.Headers;
using CaseLedger.Api.Infrastructure;

namespace CaseLedger.Client;

/// <summary>
/// A request serialised ahead of time, so a timed phase measures sending it, not building it. A correlation id,
/// when given, names the step on every event the request appends.
/// </summary>
public sealed record PreparedRequest(
    HttpMethod Method, string Path, string Token, byte[]? Body, int ExpectedStatus, int? OrStatus = null, string? CorrelationId = null)
{
    public bool Expects(HttpResponseMessage response) => (int)response.StatusCode == ExpectedStatus || (int)response.StatusCode == OrStatus;

    /// <summary>A new message each time: an HttpRequestMessage can be sent only once.</summary>
    public HttpRequestMessage Message()
    {
        var message = new HttpRequestMessage(Method, Path);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (CorrelationId is { } step) message.Headers.Add(CorrelationIds.Header, step);
        if (Body is { } body)
            message.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return message;
    }
}
