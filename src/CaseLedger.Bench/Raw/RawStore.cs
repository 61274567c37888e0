using Npgsql;
using NpgsqlTypes;

namespace CaseLedger.Bench.Raw;

/// <summary>
/// The raw-PostgreSQL side of every baseline: plain tables in their own schema of the same database, written and
/// read with Npgsql alone. The event table has what any event store must enforce (a global order, and one event
/// per stream version); the judgement table has the product's "one current judgement per case and question".
/// They are the instrument, not what it measures, so autovacuum leaves them alone and <see cref="Measures.Settling"/>
/// vacuums them between measures: at 100,000 events autovacuum's passes over the raw judgements (0.5–0.8 s, from the
/// raw side's own upserts) fell inside the product's timed writes, beside their slowest seconds.
/// </summary>
public sealed class RawStore(NpgsqlDataSource data, string schema) : IAsyncDisposable
{
    public string Schema => schema;

    public NpgsqlDataSource Data => data;

    public static RawStore Open(string connectionString, string schema, int maxConnections)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxConnections };
        return new RawStore(NpgsqlDataSource.Create(builder.ConnectionString), schema);
    }

    public async Task CreateAsync(CancellationToken cancellation)
    {
        await using var command = data.CreateCommand($"""
            drop schema if exists {schema} cascade;
            create schema {schema};
            create table {schema}.events (
              seq_id bigint generated always as identity primary key,
              id uuid not null,
              stream_id uuid not null,
              version bigint not null,
              type text not null,
              dotnet_type text not null,
              data jsonb not null,
              timestamp timestamptz not null default now(),
              user_name text,
              correlation_id text,
              headers jsonb,
              unique (stream_id, version))
              with (autovacuum_enabled = off);
            create table {schema}.judgements (
              id uuid primary key,
              inspection_id uuid not null,
              case_id uuid not null,
              question_id text not null,
              data jsonb not null,
              unique (inspection_id, case_id, question_id))
              with (autovacuum_enabled = off);
            """);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    public async Task DropAsync(CancellationToken cancellation)
    {
        await using var command = data.CreateCommand($"drop schema if exists {schema} cascade");
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private const string EventColumns = "id, stream_id, version, type, dotnet_type, data, user_name, correlation_id, headers";
    private const string JudgementColumns = "id, inspection_id, case_id, question_id, data";

    /// <summary>One binary COPY, committed on its own: the raw counterpart of one batch request.</summary>
    public Task CopyAsync(IReadOnlyList<RawEvent> events, CancellationToken cancellation) =>
        CopyAsync("events", EventColumns, events, async (writer, e, ct) =>
        {
            await writer.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(e.StreamId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(e.Version, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(e.Type, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(e.DotnetType, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(e.Data, NpgsqlDbType.Jsonb, ct);
            await writer.WriteAsync(e.UserName, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(e.CorrelationId, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(e.Headers, NpgsqlDbType.Jsonb, ct);
        }, cancellation);

    /// <summary>Current-judgement rows put in place before a timed run, as the product's documents are.</summary>
    public Task CopyJudgementsAsync(IReadOnlyList<RawJudgement> judgements, CancellationToken cancellation) =>
        CopyAsync("judgements", JudgementColumns, judgements, async (writer, j, ct) =>
        {
            await writer.WriteAsync(j.Id, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(j.InspectionId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(j.CaseId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(j.QuestionId, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(j.Data, NpgsqlDbType.Jsonb, ct);
        }, cancellation);

    /// <summary>The raw counterpart of one single-judgement request: the event and its current row, in one transaction.</summary>
    public async Task InsertAsync(RawEvent e, RawJudgement judgement, CancellationToken cancellation)
    {
        await using var connection = await data.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"insert into {schema}.events ({EventColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                {
                    Parameters =
                    {
                        new() { Value = e.Id }, new() { Value = e.StreamId }, new() { Value = e.Version }, new() { Value = e.Type }, new() { Value = e.DotnetType },
                        new() { Value = e.Data, NpgsqlDbType = NpgsqlDbType.Jsonb }, new() { Value = e.UserName },
                        new() { Value = e.CorrelationId }, new() { Value = e.Headers, NpgsqlDbType = NpgsqlDbType.Jsonb },
                    },
                },
                new NpgsqlBatchCommand($"insert into {schema}.judgements ({JudgementColumns}) values ($1, $2, $3, $4, $5)")
                {
                    Parameters =
                    {
                        new() { Value = judgement.Id }, new() { Value = judgement.InspectionId }, new() { Value = judgement.CaseId },
                        new() { Value = judgement.QuestionId }, new() { Value = judgement.Data, NpgsqlDbType = NpgsqlDbType.Jsonb },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellation);
        await transaction.CommitAsync(cancellation);
    }

    private async Task CopyAsync<T>(string table, string columns, IReadOnlyList<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow, CancellationToken cancellation)
    {
        await using var connection = await data.OpenConnectionAsync(cancellation);
        await using var writer = await connection.BeginBinaryImportAsync(
            $"copy {schema}.{table} ({columns}) from stdin (format binary)", cancellation);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellation);
            await writeRow(writer, row, cancellation);
        }
        await writer.CompleteAsync(cancellation);
    }

    public ValueTask DisposeAsync() => data.DisposeAsync();
}
