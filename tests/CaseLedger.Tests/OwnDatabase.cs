using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CaseLedger.Tests;

/// <summary>
/// A database of one test's own on the cluster ops/test started, for tests that run the API as a process of its
/// own (its daemon and sealer must not work the shared host's database). Dropped, connections and all, on dispose.
/// </summary>
public sealed class OwnDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource admin;
    private readonly string name;

    private OwnDatabase(NpgsqlDataSource admin, string name, string connection) => (this.admin, this.name, Connection) = (admin, name, connection);

    public string Connection { get; }

    public static async Task<OwnDatabase> CreateAsync(string prefix)
    {
        var shared = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__CaseLedger"));
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 60)];
        var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(shared.ConnectionString) { Database = "postgres" }.ConnectionString);
        await using (var create = admin.CreateCommand($"create database {name}")) await create.ExecuteNonQueryAsync();
        return new OwnDatabase(admin, name, new NpgsqlConnectionStringBuilder(shared.ConnectionString) { Database = name }.ConnectionString);
    }

    /// <summary>A loopback port nothing listens on now, for an API process to serve on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var drop = admin.CreateCommand($"drop database if exists {name} with (force)")) await drop.ExecuteNonQueryAsync();
        await admin.DisposeAsync();
    }
}
