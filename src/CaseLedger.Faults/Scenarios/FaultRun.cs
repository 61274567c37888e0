using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CaseLedger.Bench.Api;
using CaseLedger.Faults.Cluster;
using CaseLedger.Faults.Load;
using CaseLedger.Faults.Nodes;
using Npgsql;

namespace CaseLedger.Faults.Scenarios;

/// <summary>
/// Everything one run of one scenario starts, on a cluster of its own: the PostgreSQL primary (and a standby when
/// asked), the API nodes, the load's plan. Disposing it stops every process it started, whatever happened.
/// </summary>
public sealed class FaultRun : IAsyncDisposable
{
    private const string Database = "caseledger";

    private readonly FaultsOptions options;
    private readonly string folder;
    private readonly List<ApiNode> nodes = [];
    private readonly List<PostgresCluster> clusters = [];
    private readonly Dictionary<ApiNode, int> nodeNumbers = [];
    private HttpClient? setupHttp;

    private FaultRun(FaultsOptions options, string folder, PostgresCluster primary)
    {
        this.options = options;
        this.folder = folder;
        Primary = primary;
        clusters.Add(primary);
    }

    public PostgresCluster Primary { get; private set; }

    public PostgresCluster? Standby { get; private set; }

    public IReadOnlyList<ApiNode> Nodes => nodes;

    public NodePool Pool => new(nodes);

    public ApiClient Api { get; private set; } = null!;

    public LoadPlan Plan { get; private set; } = null!;

    /// <summary>The load's clock, on which a scenario notes when things happened.</summary>
    public Func<TimeSpan> Clock { get; set; } = () => TimeSpan.Zero;

    /// <summary>The connection every node is given: both servers when there is a standby, so Npgsql finds whichever
    /// is the primary now. Npgsql remembers what each host was for <c>Host Recheck Seconds</c> (10 by default), so a
    /// standby promoted a moment ago would be taken for a standby that long; the README gives the same setting.</summary>
    public string Connection =>
        Standby is null
            ? $"Host=127.0.0.1;Port={Primary.Port};Database={Database};Username=postgres"
            : $"Host=127.0.0.1:{Primary.Port},127.0.0.1:{Standby.Port};Database={Database};Username=postgres;Target Session Attributes=primary;Host Recheck Seconds=1";

    public static async Task<FaultRun> StartAsync(FaultsOptions options, string name, bool standby, CancellationToken cancellation)
    {
        var folder = Path.Combine(options.Work, name);
        if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
        System.IO.Directory.CreateDirectory(folder);
        await Shell.RunAsync("chmod", ["755", folder], cancellation);
        var primary = await PostgresCluster.CreateAsync(options.PostgresBin, Path.Combine(folder, "primary"), FreePort(), cancellation);
        var run = new FaultRun(options, folder, primary);
        try
        {
            await primary.SqlAsync($"create database {Database}", cancellation);
            if (standby)
            {
                run.Standby = await primary.AddSynchronousStandbyAsync(Path.Combine(folder, "standby"), FreePort(), "standby", cancellation);
                run.clusters.Add(run.Standby);
            }
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the nodes one at a time, each ready before the next, and notes the Wolverine node number each
    /// registered as (the newest row when it became ready), which the daemon's progression names.</summary>
    public async Task StartNodesAsync(int count, IReadOnlyDictionary<string, string> settings, CancellationToken cancellation)
    {
        for (var i = 0; i < count; i++)
        {
            var node = new ApiNode($"node-{i + 1}", options.ApiDirectory, FreePort(), Connection,
                Path.Combine(options.Output, $"{Path.GetFileName(folder)}-node-{i + 1}.log"), settings);
            nodes.Add(node);
            await StartNodeAsync(node, cancellation);
        }
        // Set-up and checks wait longer than the load's attempts: a node's first request compiles its handlers.
        setupHttp = new HttpClient { BaseAddress = nodes[0].Address, Timeout = TimeSpan.FromSeconds(60) };
        Api = new ApiClient(setupHttp, DevelopmentSigningKey.Read(options.SigningKeyFile));
    }

    public async Task StartNodeAsync(ApiNode node, CancellationToken cancellation)
    {
        var before = await NewestNodeNumberAsync(cancellation);
        await node.StartAsync(cancellation);
        var started = Stopwatch.GetTimestamp();
        while (await NewestNodeNumberAsync(cancellation) is var newest && newest == before)
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30)) break;
            await Task.Delay(100, cancellation);
        }
        nodeNumbers[node] = await NewestNodeNumberAsync(cancellation);
    }

    public int NodeNumber(ApiNode node) => nodeNumbers.GetValueOrDefault(node);

    /// <summary>Opens the inspection, samples its cases and opens week 1: the plan's writes then go in.</summary>
    public async Task PrepareAsync(string label, int seed, CancellationToken cancellation)
    {
        Plan = LoadPlan.Create(Api, options.Frameworks, seed, options.Writes, options.Clients, label);
        await Api.SendInOrderAsync([Api.Register(Plan.Inspection.Yot), .. Api.OpenForJudgements(Plan.Inspection)], cancellation);
    }

    /// <summary>
    /// Every node sends each kind of write once, on a small inspection of its own, before the load: in Development a
    /// node compiles an endpoint's handler on its first request, and a first request arriving during the fault
    /// would time the compiler instead of the failover.
    /// </summary>
    public async Task WarmUpAsync(string label, CancellationToken cancellation)
    {
        foreach (var node in nodes)
        {
            using var http = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(60) };
            var api = new ApiClient(http, DevelopmentSigningKey.Read(options.SigningKeyFile));
            var plan = LoadPlan.Create(api, options.Frameworks, seed: nodes.IndexOf(node), writes: 12, clients: 1, $"{label}-warm-up-{node.Name}");
            await api.SendInOrderAsync([api.Register(plan.Inspection.Yot), .. api.OpenForJudgements(plan.Inspection),
                .. plan.Clients[0].Select(write => write.Request)], cancellation);
        }
    }

    public NpgsqlDataSource OpenDatabase() =>
        NpgsqlDataSource.Create($"{Connection};Pooling=false;Timeout=5;Command Timeout=10");

    /// <summary>Waits, with no restart of anything, until <c>verify</c> agrees on a node that is up: the views have
    /// caught up with the ledger and the ledger is sealed. Gives the seconds it took, or null when it never did.</summary>
    public async Task<(bool Agrees, double? Seconds)> SettleAsync(TimeSpan limit, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var request = Api.Get($"/inspections/{Plan.Inspection.Id}/verify", "faults-auditor", Roles.Auditor);
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            foreach (var node in nodes.Where(n => n.Up))
            {
                try
                {
                    using var answer = await node.Http.SendAsync(request.Message(), cancellation);
                    if (answer.IsSuccessStatusCode &&
                        (await answer.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("agrees").GetBoolean())
                        return (true, Stopwatch.GetElapsedTime(started).TotalSeconds);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException
                                           || (e is TaskCanceledException && !cancellation.IsCancellationRequested))
                {
                }
            }
            await Task.Delay(500, cancellation);
        }
        return (false, null);
    }

    private async Task<int> NewestNodeNumberAsync(CancellationToken cancellation)
    {
        try
        {
            await using var database = OpenDatabase();
            await using var command = database.CreateCommand("select coalesce(max(node_number), 0) from caseledger.wolverine_nodes");
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellation));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    public void Promote(PostgresCluster standby)
    {
        Primary = standby;
        Standby = null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes) await node.DisposeAsync();
        setupHttp?.Dispose();
        foreach (var cluster in clusters)
        {
            try
            {
                await cluster.ResumeAsync(CancellationToken.None);
            }
            catch (Exception)
            {
                // Not paused, or not running: stopping it below is what matters.
            }
            await cluster.StopAsync();
        }
        if (!options.Keep) System.IO.Directory.Delete(folder, recursive: true);
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}
