using System.Diagnostics;
using CaseLedger.Bench.Measures;
using CaseLedger.Faults.Load;

namespace CaseLedger.Faults.Nodes;

/// <summary>
/// One API process of a run, on its own loopback port, with its own log: started, killed (SIGKILL, nothing
/// flushed), started again on the same port. Its connection string names it, so PostgreSQL's
/// <c>application_name</c> says which node a connection belongs to.
/// </summary>
public sealed class ApiNode : IAsyncDisposable
{
    private static readonly TimeSpan AttemptLimit = TimeSpan.FromSeconds(10);

    private readonly ApiLauncher launcher;
    private readonly HttpClient http;

    public ApiNode(string name, string apiDirectory, int port, string connection, string log, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        Address = new Uri($"http://127.0.0.1:{port}");
        launcher = new ApiLauncher(apiDirectory, Address, $"{connection};Application Name={name}", log, settings);
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { BaseAddress = Address, Timeout = AttemptLimit };
    }

    public string Name { get; }

    public Uri Address { get; }

    /// <summary>Whether the run believes it is up: a load balancer's view, updated when the run kills or starts it.</summary>
    public bool Up { get; private set; }

    public HttpClient Http => http;

    public async Task StartAsync(CancellationToken cancellation)
    {
        await launcher.StartAsync(sealing: true, cancellation);
        Up = true;
    }

    public async Task KillAsync()
    {
        Up = false;
        await launcher.StopAsync();
    }

    /// <summary>Sends once; a refused connection, a timeout or a reset is an answer with no status.</summary>
    public async Task<Answer> TrySendAsync(PreparedRequest request, Stopwatch clock, CancellationToken cancellation)
    {
        try
        {
            using var response = await http.SendAsync(request.Message(), HttpCompletionOption.ResponseHeadersRead, cancellation);
            await response.Content.CopyToAsync(Stream.Null, cancellation);
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            return new Answer(Name, (int)response.StatusCode, problem, clock.Elapsed, null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException
                                   || (e is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            return new Answer(Name, null, false, clock.Elapsed, e.GetType().Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await launcher.StopAsync();
        http.Dispose();
    }
}
