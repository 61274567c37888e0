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
    /// <summary>The rows after global sequence <paramref name="afterSequence"/> up to <paramref name="upToSequence"/>,
    /// in sequence order; of one stream when <paramref name="streamId"/> is given.</summary>
    public static async Task<IReadOnlyList<LeafFields>> ReadAsync(
        IQuerySession session, Guid? streamId, long afterSequence, long upToSequence, CancellationToken cancellation)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        // Column by column rather than as one JSON object a row: a check reads every event of an inspection, and
        // building, sending and decoding an object around each row cost more than the row.
        await using var command = new NpgsqlCommand(
            $"""
             select seq_id, stream_id, version, type, data::text,
                    case when isfinite(timestamp) then (extract(epoch from timestamp) * 1000000)::bigint end,
                    case when timestamp = 'infinity' then 1 when timestamp = '-infinity' then -1 else 0 end,
                    user_name, headers::text, correlation_id
               from {schema}.mt_events
              where seq_id > $1 and seq_id <= $2 {(streamId is null ? "" : "and stream_id = $3")}
              order by seq_id
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = afterSequence });
        command.Parameters.Add(new NpgsqlParameter { Value = upToSequence });
        if (streamId is { } id) command.Parameters.Add(new NpgsqlParameter { Value = id });
        var rows = new List<LeafFields>();
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var row = new StoredRow(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), Json(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : Json(reader.GetString(8)), reader.IsDBNull(9) ? null : reader.GetString(9));
            rows.Add(row.ToFields());
        }
        return rows;
    }

    // The document is left to the collector rather than disposed: the element is the row's data for as long as the
    // row is held.
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private sealed record StoredRow(
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
