using System.Text.Json;
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
        var rows = await session.AdvancedSql.QueryAsync<StoredRow>(
            $"""
             select json_build_object('sequence', seq_id, 'streamId', stream_id, 'version', version, 'type', type, 'data', data,
                                      'recordedAtMicroseconds', case when isfinite(timestamp) then (extract(epoch from timestamp) * 1000000)::bigint end,
                                      'recordedAtInfinity', case when timestamp = 'infinity' then 1 when timestamp = '-infinity' then -1 else 0 end, 'user', user_name, 'headers', headers, 'correlationId', correlation_id)
               from {schema}.mt_events
              where seq_id > ? and seq_id <= ? {(streamId is null ? "" : "and stream_id = ?")}
              order by seq_id
             """,
            cancellation, streamId is { } id ? [afterSequence, upToSequence, id] : [afterSequence, upToSequence]);
        return [.. rows.Select(row => row.ToFields())];
    }

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
