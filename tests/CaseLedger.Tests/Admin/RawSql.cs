using Npgsql;

namespace CaseLedger.Tests.Admin;

/// <summary>Statements straight to the test database, for putting it in a state an older version left.</summary>
public static class RawSql
{
    public static readonly string Connection = Environment.GetEnvironmentVariable("ConnectionStrings__CaseLedger")!;

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
