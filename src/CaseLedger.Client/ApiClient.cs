using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseLedger.Api.Infrastructure;

namespace CaseLedger.Client;

/// <summary>
/// Talks to the API as its users do: over HTTP, with development tokens signed by the same issuer as ops/token.
/// An unexpected status is an <see cref="UnexpectedResponse"/> that quotes the answer, so no caller carries on
/// from a request that failed.
/// </summary>
public sealed class ApiClient(HttpClient http, string signingKey)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ConcurrentDictionary<(string User, string Role), string> tokens = new();

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
        using var response = await http.SendAsync(request.Message(), HttpCompletionOption.ResponseHeadersRead, cancellation);
        if (!request.Expects(response))
            throw await Failure(request, response, cancellation);
        await response.Content.CopyToAsync(Stream.Null, cancellation);
    }

    /// <summary>The answer as the API's own response record.</summary>
    public async Task<T> ReadAsync<T>(PreparedRequest request, CancellationToken cancellation) where T : class
    {
        using var response = await http.SendAsync(request.Message(), HttpCompletionOption.ResponseHeadersRead, cancellation);
        return await Answer<T>(request, response, cancellation);
    }

    /// <summary>The answer as the API's own response record, or null when there is no such thing (404).</summary>
    public async Task<T?> FindAsync<T>(PreparedRequest request, CancellationToken cancellation) where T : class
    {
        using var response = await http.SendAsync(request.Message(), HttpCompletionOption.ResponseHeadersRead, cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await Answer<T>(request, response, cancellation);
    }

    private static async Task<T> Answer<T>(PreparedRequest request, HttpResponseMessage response, CancellationToken cancellation) where T : class
    {
        if (!request.Expects(response))
            throw await Failure(request, response, cancellation);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellation)
            ?? throw new UnexpectedResponse($"{request.Method} {request.Path} answered null where a {typeof(T).Name} was due.");
    }

    private static async Task<Exception> Failure(PreparedRequest request, HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation);
        return new UnexpectedResponse(
            $"{request.Method} {request.Path} answered {(int)response.StatusCode}, expected {request.ExpectedStatus}: {text[..Math.Min(text.Length, 800)]}");
    }
}
