using System.Diagnostics;

namespace CaseLedger.Faults.Cluster;

/// <summary>
/// One throwaway PostgreSQL cluster on loopback, driven the way an operator would drive it: <c>pg_ctl</c> to start,
/// stop and promote, signals to kill or freeze the postmaster and its backends, <c>pg_basebackup</c> for a standby.
/// PostgreSQL refuses to run as root, so every server command runs as the postgres system user (ops/lib/postgres.sh
/// does the same for the other scripts).
/// </summary>
public sealed class PostgresCluster(string bin, string directory, int port)
{
    public int Port => port;

    /// <summary>A new primary: fsync on, loopback only, trust authentication, replication allowed from loopback.</summary>
    public static async Task<PostgresCluster> CreateAsync(string bin, string directory, int port, CancellationToken cancellation)
    {
        System.IO.Directory.CreateDirectory(directory);
        await Shell.RunAsync("chown", ["postgres:postgres", directory], cancellation);
        await Shell.RunAsync("chmod", ["700", directory], cancellation);
        await Shell.AsPostgresAsync(Path.Combine(bin, "initdb"),
            ["-D", directory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], cancellation);
        await File.AppendAllTextAsync(Path.Combine(directory, "postgresql.conf"), """

            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 300
            shared_buffers = 128MB
            fsync = on
            synchronous_commit = on
            wal_level = replica
            max_wal_senders = 4

            """, cancellation);
        var cluster = new PostgresCluster(bin, directory, port);
        await cluster.StartAsync(cancellation);
        return cluster;
    }

    /// <summary>
    /// A streaming standby of this primary, made by <c>pg_basebackup</c>, and made synchronous: from here on the
    /// primary acknowledges a commit only once the standby has flushed it, so a promoted standby has every commit a
    /// client was told of.
    /// </summary>
    public async Task<PostgresCluster> AddSynchronousStandbyAsync(string standbyDirectory, int standbyPort, string standbyName, CancellationToken cancellation)
    {
        System.IO.Directory.CreateDirectory(standbyDirectory);
        await Shell.RunAsync("chown", ["postgres:postgres", standbyDirectory], cancellation);
        await Shell.RunAsync("chmod", ["700", standbyDirectory], cancellation);
        await Shell.AsPostgresAsync(Path.Combine(bin, "pg_basebackup"),
            ["-D", standbyDirectory, "-h", "127.0.0.1", "-p", $"{port}", "-U", "postgres", "-X", "stream", "-R"], cancellation);
        // -R wrote standby.signal and a primary_conninfo; the standby names itself so the primary can wait for it.
        await File.AppendAllTextAsync(Path.Combine(standbyDirectory, "postgresql.auto.conf"),
            $"primary_conninfo = 'host=127.0.0.1 port={port} user=postgres application_name={standbyName}'\n", cancellation);
        var standby = new PostgresCluster(bin, standbyDirectory, standbyPort);
        await standby.StartAsync(cancellation);
        await SqlAsync($"alter system set synchronous_standby_names = '{standbyName}'", cancellation);
        await SqlAsync("select pg_reload_conf()", cancellation);
        await WaitUntilAsync(async () => await SqlAsync(
            $"select sync_state from pg_stat_replication where application_name = '{standbyName}'", cancellation) == "sync",
            TimeSpan.FromSeconds(30), $"{standbyName} did not become a synchronous standby", cancellation);
        return standby;
    }

    public Task StartAsync(CancellationToken cancellation) =>
        Shell.AsPostgresAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", directory, "-o", $"-p {port}", "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"], cancellation);

    /// <summary>The standby becomes a primary; what a failover tool does after the old primary is gone.</summary>
    public Task PromoteAsync(CancellationToken cancellation) =>
        Shell.AsPostgresAsync(Path.Combine(bin, "pg_ctl"), ["-D", directory, "-w", "-t", "60", "promote"], cancellation);

    /// <summary>SIGKILL to the postmaster: the machine's power cut, as far as the server can tell. Its backends see
    /// the postmaster die and exit; the next start runs crash recovery.</summary>
    public async Task KillAsync(CancellationToken cancellation)
    {
        var postmaster = Postmaster();
        var backends = await BackendsAsync(postmaster, cancellation);
        await Shell.RunAsync("kill", ["-KILL", $"{postmaster}", .. backends.Select(pid => $"{pid}")], cancellation, mayFail: true);
        await WaitUntilAsync(() => Task.FromResult(!Alive(postmaster)), TimeSpan.FromSeconds(10), "the postmaster did not die", cancellation);
    }

    /// <summary>SIGSTOP to the postmaster and every backend: a server that hangs rather than fails (a stalled disk, a
    /// paused VM). Connections stay open and nothing answers.</summary>
    public async Task PauseAsync(CancellationToken cancellation) => await SignalAllAsync("-STOP", cancellation);

    public async Task ResumeAsync(CancellationToken cancellation) => await SignalAllAsync("-CONT", cancellation);

    public async Task StopAsync()
    {
        if (!File.Exists(Path.Combine(directory, "postmaster.pid"))) return;
        await Shell.AsPostgresAsync(Path.Combine(bin, "pg_ctl"), ["-D", directory, "-m", "immediate", "-w", "stop"], CancellationToken.None, mayFail: true);
    }

    public async Task<string> SqlAsync(string sql, CancellationToken cancellation) =>
        (await Shell.RunAsync(Path.Combine(bin, "psql"),
            ["-h", "127.0.0.1", "-p", $"{port}", "-U", "postgres", "-d", "postgres", "-tAqc", sql], cancellation)).Trim();

    private async Task SignalAllAsync(string signal, CancellationToken cancellation)
    {
        var postmaster = Postmaster();
        var backends = await BackendsAsync(postmaster, cancellation);
        await Shell.RunAsync("kill", [signal, $"{postmaster}", .. backends.Select(pid => $"{pid}")], cancellation, mayFail: true);
    }

    private int Postmaster() =>
        int.Parse(File.ReadLines(Path.Combine(directory, "postmaster.pid")).First().Trim());

    private static async Task<IReadOnlyList<int>> BackendsAsync(int postmaster, CancellationToken cancellation)
    {
        var listed = await Shell.RunAsync("ps", ["-o", "pid=", "--ppid", $"{postmaster}"], cancellation, mayFail: true);
        return [.. listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)];
    }

    /// <summary>Gone, or a zombie: a killed postmaster's parent is init, which may be slow to reap it.</summary>
    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, string failure, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > limit) throw new FaultsFailure($"{failure} within {limit.TotalSeconds:0} s.");
            await Task.Delay(100, cancellation);
        }
    }
}
