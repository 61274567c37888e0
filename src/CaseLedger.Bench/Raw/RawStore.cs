using Npgsql;
using NpgsqlTypes;

namespace CaseLedger.Bench.Raw;

/// <summary>
/// The raw-PostgreSQL side of every baseline: plain tables in their own schema of the same database, written and
/// read with Npgsql alone. The event table has what any event store must enforce (a global order, and one event
/// per stream version); the judgement table has the product's "one current judgement per case and question".
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
              unique (stream_id, version));
            create table {schema}.judgements (
              id uuid primary key,
              inspection_id uuid not null,
              case_id uuid not null,
              question_id text not null,
              data jsonb not null,
              unique (inspection_id, case_id, question_id));
            """);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    public async Task DropAsync(CancellationToken cancellation)
    {
        await using var command = data.CreateCommand($"drop schema if exists {schema} cascade");
        await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>One binary COPY, committed on its own: the raw counterpart of one batch request.</summary>
    public async Task CopyAsync(IReadOnlyList<RawEvent> events, CancellationToken cancellation)
    {
        await using var connection = await data.OpenConnectionAsync(cancellation);
        await using var writer = await connection.BeginBinaryImportAsync(
            $"copy {schema}.events (id, stream_id, version, type, dotnet_type, data, user_name, correlation_id, headers) from stdin (format binary)",
            cancellation);
        foreach (var e in events)
        {
            await writer.StartRowAsync(cancellation);
            await writer.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellation);
            await writer.WriteAsync(e.StreamId, NpgsqlDbType.Uuid, cancellation);
            await writer.WriteAsync(e.Version, NpgsqlDbType.Bigint, cancellation);
            await writer.WriteAsync(e.Type, NpgsqlDbType.Text, cancellation);
            await writer.WriteAsync(e.DotnetType, NpgsqlDbType.Text, cancellation);
            await writer.WriteAsync(e.Data, NpgsqlDbType.Jsonb, cancellation);
            await writer.WriteAsync(e.UserName, NpgsqlDbType.Text, cancellation);
            await writer.WriteAsync(e.CorrelationId, NpgsqlDbType.Text, cancellation);
            await writer.WriteAsync(e.Headers, NpgsqlDbType.Jsonb, cancellation);
        }
        await writer.CompleteAsync(cancellation);
    }

    /// <summary>Current-judgement rows put in place before a timed run, as the product's documents are.</summary>
    public async Task CopyJudgementsAsync(IReadOnlyList<RawJudgement> judgements, CancellationToken cancellation)
    {
        await using var connection = await data.OpenConnectionAsync(cancellation);
        await using var writer = await connection.BeginBinaryImportAsync(
            $"copy {schema}.judgements (id, inspection_id, case_id, question_id, data) from stdin (format binary)", cancellation);
        foreach (var j in judgements)
        {
            await writer.StartRowAsync(cancellation);
            await writer.WriteAsync(j.Id, NpgsqlDbType.Uuid, cancellation);
            await writer.WriteAsync(j.InspectionId, NpgsqlDbType.Uuid, cancellation);
            await writer.WriteAsync(j.CaseId, NpgsqlDbType.Uuid, cancellation);
            await writer.WriteAsync(j.QuestionId, NpgsqlDbType.Text, cancellation);
            await writer.WriteAsync(j.Data, NpgsqlDbType.Jsonb, cancellation);
        }
        await writer.CompleteAsync(cancellation);
    }

    /// <summary>The raw counterpart of one single-judgement request: the event and its current row, in one transaction.</summary>
    public async Task InsertAsync(RawEvent e, RawJudgement judgement, CancellationToken cancellation)
    {
        await using var connection = await data.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"insert into {schema}.events (id, stream_id, version, type, dotnet_type, data, user_name, correlation_id, headers) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                {
                    Parameters =
                    {
                        new() { Value = e.Id }, new() { Value = e.StreamId }, new() { Value = e.Version }, new() { Value = e.Type }, new() { Value = e.DotnetType },
                        new() { Value = e.Data, NpgsqlDbType = NpgsqlDbType.Jsonb }, new() { Value = e.UserName },
                        new() { Value = e.CorrelationId }, new() { Value = e.Headers, NpgsqlDbType = NpgsqlDbType.Jsonb },
                    },
                },
                new NpgsqlBatchCommand($"insert into {schema}.judgements (id, inspection_id, case_id, question_id, data) values ($1, $2, $3, $4, $5)")
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

    public ValueTask DisposeAsync() => data.DisposeAsync();
}
