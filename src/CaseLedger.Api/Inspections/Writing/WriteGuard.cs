using Npgsql;

namespace CaseLedger.Api.Inspections.Writing;

/// <summary>
/// The database function behind <see cref="LedgerWrites.RequireStillWritable"/>. Installed by this start-up step
/// rather than as a Weasel schema object: Weasel's comparison of a function's text never matches what PostgreSQL
/// gives back for this one, so readiness would report the schema as out of date forever.
/// </summary>
public sealed class WriteGuard(IDocumentStore store) : IHostedService
{
    public const string Name = "cl_require_writable";
    public const string PublishedState = "CL001";
    public const string WeekState = "CL002";
    public const int AnyWeek = -1;

    public static string QualifiedName => $"{EventStoreSetup.Schema}.{Name}";

    public async Task StartAsync(CancellationToken cancellation)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(Sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;

    // plpgsql resolves the header table when the function runs, so this may run before Marten creates the table.
    private static readonly string Sql = $"""
        create schema if not exists {EventStoreSetup.Schema};
        create or replace function {QualifiedName}(inspection uuid, week integer) returns integer
        language plpgsql as $$
        declare
          header_state text;
          open_week integer;
        begin
          select data ->> 'state', (data ->> 'openWeek')::integer into header_state, open_week
            from {EventStoreSetup.Schema}.mt_doc_inspectionheader where id = inspection for share;
          if header_state is distinct from 'open' then
            raise exception 'inspection % is not open for writes', inspection using errcode = '{PublishedState}';
          end if;
          if week <> {AnyWeek} and open_week is distinct from week then
            raise exception 'fieldwork week % is not open', week using errcode = '{WeekState}';
          end if;
          return 1;
        end;
        $$;
        """;
}
