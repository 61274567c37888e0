using System.Runtime.CompilerServices;
using System.Text.Json;
using Npgsql;
using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Api.Ledger.Leaves;

namespace CaseLedger.Api.Ledger;

/// <summary>
/// The event rows exactly as the database holds them, for the checks that must not trust Marten to decode them:
/// a field added to an event's JSON, or a type alias changed, has to show in the recomputed leaf. The one other
/// place, besides <see cref="LedgerEvents.VersionsAsync"/>, that reads Marten's tables directly.
/// </summary>
public static class StoredRows
{
    /// <summary>One stored row's place and the canonical leaf its columns give now.</summary>
    public sealed record StoredLeaf(long Sequence, Guid StreamId, long Version, byte[] Leaf);

    /// <summary>The rows after global sequence <paramref name="afterSequence"/> up to <paramref name="upToSequence"/>,
    /// in sequence order, each as the leaf its columns give; of one stream when <paramref name="streamId"/> is given.</summary>
    public static async Task<IReadOnlyList<StoredLeaf>> LeavesAsync(
        IQuerySession session, Guid? streamId, long afterSequence, long upToSequence, CancellationToken cancellation)
    {
        var leaves = new List<StoredLeaf>();
        await foreach (var leaf in ReadAsync(session, streamId, afterSequence, upToSequence, cancellation)) leaves.Add(leaf);
        return leaves;
    }

    /// <summary>As <see cref="LeavesAsync"/>, one row at a time as it is read: a check that hashes each leaf and lets
    /// it go holds none of them, where a list of an inspection's leaves outlived young collections and made every
    /// one of them copy it.</summary>
    public static async IAsyncEnumerable<StoredLeaf> ReadAsync(
        IQuerySession session, Guid? streamId, long afterSequence, long upToSequence, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        // Column by column, and each row's leaf written as it is read: a check reads every event of an inspection,
        // and a JSON object built around each row, or every row's parsed body held until the last is read, cost
        // more than the rows.
        await using var command = new NpgsqlCommand(
            $"""
             select seq_id, stream_id, version, type, data,
                    case when isfinite(timestamp) then (extract(epoch from timestamp) * 1000000)::bigint end,
                    case when timestamp = 'infinity' then 1 when timestamp = '-infinity' then -1 else 0 end,
                    user_name, headers, correlation_id
               from {schema}.mt_events
              where seq_id > $1 and seq_id <= $2 {(streamId is null ? "" : "and stream_id = $3")}
              order by seq_id
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = afterSequence });
        command.Parameters.Add(new NpgsqlParameter { Value = upToSequence });
        if (streamId is { } id) command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            using var data = reader.GetFieldValue<JsonDocument>(4);
            using var headers = reader.IsDBNull(8) ? null : reader.GetFieldValue<JsonDocument>(8);
            var row = new StoredRow(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), data.RootElement,
                reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                headers?.RootElement, reader.IsDBNull(9) ? null : reader.GetString(9));
            yield return new StoredLeaf(row.Sequence, row.StreamId, row.Version, LeafBytes.Of(row.ToFields()));
        }
    }

    /// <summary>How many rows there are after global sequence <paramref name="afterSequence"/>: the whole-log check's
    /// count of events not sealed yet, which needs no leaf of theirs.</summary>
    public static async Task<long> CountAfterAsync(IQuerySession session, long afterSequence, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select count(*) from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events where seq_id > $1");
        command.Parameters.Add(new NpgsqlParameter { Value = afterSequence });
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        await reader.ReadAsync(cancellation);
        return reader.GetInt64(0);
    }

    private readonly record struct StoredRow(
        long Sequence, Guid StreamId, long Version, string Type, JsonElement Data, long? RecordedAtMicroseconds, int RecordedAtInfinity, string? User,
        JsonElement? Headers, string? CorrelationId)
    {
        public LeafFields ToFields() => new(Sequence, StreamId, Version, Type, Data, RecordedAt, OccurredAt, User,
            Header(LedgerWrites.RoleHeader)?.GetString(), CorrelationId,
            Header(LedgerWrites.WeekHeader) is { ValueKind: JsonValueKind.Number } week ? week.GetInt32() : null);

        // As EventMetadata reads it: the stated valid time, or else the recorded time.
        private DateTimeOffset OccurredAt =>
            Header(LedgerWrites.OccurredAtHeader) is { ValueKind: JsonValueKind.String } stated && Instants.TryParse(stated.GetString(), out var at)
                ? at
                : RecordedAt;

        // As microseconds since the epoch, the database's own precision, so no text format or time zone of the
        // session can change the instant; an infinite time reads as Npgsql reads it for Marten (the extremes).
        private DateTimeOffset RecordedAt => RecordedAtInfinity switch
        {
            1 => DateTimeOffset.MaxValue,
            -1 => DateTimeOffset.MinValue,
            _ => DateTimeOffset.UnixEpoch.AddTicks(RecordedAtMicroseconds!.Value * TimeSpan.TicksPerMicrosecond),
        };

        private JsonElement? Header(string name) =>
            Headers is { ValueKind: JsonValueKind.Object } headers && headers.TryGetProperty(name, out var value) ? value : null;
    }
}
