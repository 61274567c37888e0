using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>
/// The request-line and header limits, against a real Kestrel listener: the test server bypasses Kestrel, whose
/// own answers to these limits have empty bodies. The host is the API's own limit pieces around one route, on a
/// free loopback port, without the event store (a second full host would run a second projection daemon).
/// </summary>
public sealed class KestrelLimitTests : IAsyncLifetime
{
    private WebApplication host = null!;
    private int port;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(RequestLimits.ConfigureKestrel).UseUrls("http://127.0.0.1:0");
        builder.Services.AddProblemResponses();
        host = builder.Build();
        host.UseResponseHeaders();
        host.UseCorrelationIds();
        host.UseProblemResponses();
        host.UseRequestLimits();
        host.MapGet("/ping", () => "pong");
        host.MapGet("/boom", string () => throw new InvalidOperationException("a fault of the server's own"));
        await host.StartAsync();
        port = new Uri(host.Urls.Single()).Port;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_request_within_the_limits_is_served()
    {
        var (status, _, body) = await Send($"GET /ping?pad={new string('a', 7000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, status);
        Assert.Equal("pong", body);
    }

    /// <summary>Each limit, and Kestrel's own refusals beyond it, as raw requests: every one is a problem.</summary>
    public static TheoryData<string, string, int> Refusals => new()
    {
        { "a url over the limit", $"GET /ping?pad={new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 414 },
        { "headers over the limit", $"GET /ping HTTP/1.1\r\nHost: localhost\r\nX-Pad: {new string('a', 40_000)}\r\nConnection: close\r\n\r\n", 431 },
        { "too many header lines", $"GET /ping HTTP/1.1\r\nHost: localhost\r\n{string.Concat(Enumerable.Range(0, 150).Select(i => $"X-Line-{i}: {i}\r\n"))}Connection: close\r\n\r\n", 431 },
        { "a nul in the path, which Kestrel refuses itself", "GET /a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n", 400 },
        { "a url beyond Kestrel's own limit", $"GET /ping?pad={new string('a', 40_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n", 414 },
        { "headers beyond Kestrel's own limit", $"GET /ping HTTP/1.1\r\nHost: localhost\r\nX-Pad: {new string('a', 70_000)}\r\n\r\n", 431 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_request_beyond_a_limit_is_refused_with_a_problem(string refusal, string request, int expected)
    {
        var (status, type, body) = await Send(request);

        Assert.True(expected == status, $"{refusal}: expected {expected}, was {status}");
        AssertProblem(expected, status, type, body);
    }

    [Fact]
    public async Task A_kept_alive_connection_serves_on_and_then_refuses_with_a_problem()
    {
        var (status, type, body) = await Send("GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\nGET /b%00d HTTP/1.1\r\nHost: localhost\r\n\r\n", responses: 2);

        AssertProblem(400, status, type, body);
    }

    [Fact]
    public async Task A_server_fault_keeps_the_requests_correlation_id()
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/boom") { Headers = { { CorrelationIds.Header, "fault-7" } } };

        using var response = await client.SendAsync(request);

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("fault-7", Assert.Single(response.Headers.GetValues(CorrelationIds.Header)));
    }

    private static void AssertProblem(int expected, int status, string? type, string body)
    {
        Assert.Equal(expected, status);
        Assert.Equal("application/problem+json", type);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(expected, problem.RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>Raw bytes on a socket, so that nothing between the test and Kestrel tidies the request; the last
    /// of the answers the connection gives before it closes.</summary>
    private async Task<(int Status, string? ContentType, string Body)> Send(string request, int responses = 1)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var response = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();
        if (responses > 1)
        {
            Assert.Equal(responses, response.Split("HTTP/1.1 ").Length - 1);
            response = response[response.LastIndexOf("HTTP/1.1 ", StringComparison.Ordinal)..];
        }
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = response[..split].Split("\r\n");
        var type = head.Skip(1).Select(h => h.Split(':', 2)).FirstOrDefault(h => h[0].Equals("Content-Type", StringComparison.OrdinalIgnoreCase))?[1].Trim();
        var chunked = head.Any(h => h.StartsWith("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase));
        var body = response[(split + 4)..];
        return (int.Parse(head[0].Split(' ')[1]), type?.Split(';')[0], chunked ? Unchunk(body) : body);
    }

    private static string Unchunk(string body)
    {
        var output = new StringBuilder();
        for (var at = 0; ;)
        {
            var end = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(body[at..end], 16);
            if (size == 0) return output.ToString();
            output.Append(body, end + 2, size);
            at = end + 2 + size + 2;
        }
    }
}
