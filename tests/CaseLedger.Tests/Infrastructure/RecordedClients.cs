using System.Net.Http.Headers;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>
/// HTTP clients of the test host, one per caller, that keep every answer they receive, so a whole run can be checked
/// against the document afterwards.
/// </summary>
public sealed class RecordedClients(IAlbaHost host)
{
    private readonly List<Exchange> exchanges = [];

    public IReadOnlyList<Exchange> Exchanges
    {
        get { lock (exchanges) return [.. exchanges]; }
    }

    public HttpClient As(string user, string role) => Client($"{user} ({role})", TestTokens.For(user, role));

    public HttpClient Anonymous() => Client("no token", token: null);

    private HttpClient Client(string caller, string? token)
    {
        var client = new HttpClient(new Recorder(host.Server.CreateHandler(), caller, exchanges)) { BaseAddress = host.Server.BaseAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed class Recorder(HttpMessageHandler inner, string caller, List<Exchange> exchanges) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var exchange = new Exchange(request.Method.Method, request.RequestUri!.PathAndQuery, (int)response.StatusCode,
                response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(cancellationToken), caller);
            lock (exchanges) exchanges.Add(exchange);
            return response;
        }
    }
}
