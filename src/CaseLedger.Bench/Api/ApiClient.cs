using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseLedger.Api.Infrastructure;

namespace CaseLedger.Bench.Api;

/// <summary>A request serialised ahead of time, so a timed phase measures sending it, not building it.</summary>
public sealed record PreparedRequest(HttpMethod Method, string Path, string Token, byte[]? Body, int ExpectedStatus, int? OrStatus = null)
{
    public bool Expects(HttpResponseMessage response) => (int)response.StatusCode == ExpectedStatus || (int)response.StatusCode == OrStatus;
}

/// <summary>
/// Talks to the API as its users do: over HTTP, with development tokens signed by the same issuer as ops/token.
/// An unexpected status stops the benchmark, so no figure is ever computed from failed requests.
/// </summary>
public sealed class ApiClient(HttpClient http, string signingKey)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ConcurrentDictionary<(string User, string Role), string> tokens = new();

    public HttpClient Http => http;

    public string Token(string user, string role) =>
        tokens.GetOrAdd((user, role), key => DevelopmentTokens.Issue(signingKey, key.User, key.Role, DateTime.UtcNow.AddHours(12)));

    public PreparedRequest Post<T>(string path, string user, string role, T body, int expectedStatus) =>
        new(HttpMethod.Post, path, Token(user, role), JsonSerializer.SerializeToUtf8Bytes(body, Json), expectedStatus);

    /// <summary>A PUT creates (201) or finds what it says already there (200): either is success.</summary>
    public PreparedRequest Put<T>(string path, string user, string role, T body) =>
        new(HttpMethod.Put, path, Token(user, role), JsonSerializer.SerializeToUtf8Bytes(body, Json), 201, OrStatus: 200);

    public PreparedRequest PostEmpty(string path, string user, string role, int expectedStatus) =>
        new(HttpMethod.Post, path, Token(user, role), null, expectedStatus);

    public PreparedRequest Get(string path, string user, string role) => new(HttpMethod.Get, path, Token(user, role), null, 200);

    /// <summary>Sends, reads the whole response (as a client must) and checks the status.</summary>
    public async Task SendAsync(PreparedRequest request, CancellationToken cancellation)
    {
        using var response = await http.SendAsync(Message(request), HttpCompletionOption.ResponseHeadersRead, cancellation);
        if (!request.Expects(response))
            throw await Failure(request, response, cancellation);
        await response.Content.CopyToAsync(Stream.Null, cancellation);
    }

    public async Task<JsonDocument> ReadAsync(PreparedRequest request, CancellationToken cancellation)
    {
        using var response = await http.SendAsync(Message(request), HttpCompletionOption.ResponseHeadersRead, cancellation);
        if (!request.Expects(response))
            throw await Failure(request, response, cancellation);
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellation), cancellationToken: cancellation);
    }

    private static HttpRequestMessage Message(PreparedRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Path);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.Token);
        if (request.Body is { } body)
            message.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return message;
    }

    private static async Task<Exception> Failure(PreparedRequest request, HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation);
        return new BenchFailure(
            $"{request.Method} {request.Path} answered {(int)response.StatusCode}, expected {request.ExpectedStatus}: {text[..Math.Min(text.Length, 800)]}");
    }
}

/// <summary>The benchmark could not do the work it was to measure; it reports nothing rather than a wrong figure.</summary>
public sealed class BenchFailure(string message) : Exception(message);
