using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Marten.Internal;
using Npgsql;
using Weasel.Storage;
using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Api.Ledger.Leaves;
using CaseLedger.Api.Ledger.Merkle;

namespace CaseLedger.Api.Ledger;

/// <summary>
/// The event rows exactly as the database holds them, for the checks that must not trust Marten to decode them:
/// a field added to an event's JSON, or a type alias changed, has to show in the recomputed leaf. Besides
/// <see cref="LedgerEvents"/>, the one place that reads Marten's event table directly; for verify it also hands each
/// row to Marten's own event selector (<see cref="WithEventsAsync"/>).
/// </summary>
public static class StoredRows
{
    /// <summary>One stored row's place and the canonical leaf its columns give now; or, for a row whose columns have
    /// none (<paramref name="Fault"/> says why), its body as stored, which no sealed leaf can be.</summary>
    public sealed record StoredLeaf(long Sequence, Guid StreamId, long Version, byte[] Leaf, string? Fault = null);

    /// <summary>As <see cref="StoredLeaf"/>, the leaf's hash (<see cref="MerkleHash.Leaf"/>) in place of the leaf:
    /// what a check holds against the sealed log.</summary>
    public sealed record StoredLeafHash(long Sequence, Guid StreamId, long Version, byte[] Hash, string? Fault = null);

    /// <summary>A stream's rows in sequence order, each as the leaf its columns give.</summary>
    public static async Task<IReadOnlyList<StoredLeaf>> LeavesAsync(IQuerySession session, Guid streamId, CancellationToken cancellation)
    {
        var leaves = new List<StoredLeaf>();
        await foreach (var row in RowsAsync(session, RowFilter.Stream(streamId), decodeEvents: false, cancellation)) leaves.Add(row.Row.Leaf());
        return leaves;
    }

    /// <summary>The rows after global sequence <paramref name="afterSequence"/> up to <paramref name="upToSequence"/>,
    /// in sequence order, each as the hash of the leaf its columns give, one at a time as it is read: a check that
    /// holds each against its sealed leaf and lets it go keeps none of them, where a list of the leaves outlived young
    /// collections and made every one of them copy it.</summary>
    public static async IAsyncEnumerable<StoredLeafHash> ReadAsync(
        IQuerySession session, long afterSequence, long upToSequence, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var row in RowsAsync(session, RowFilter.Between(afterSequence, upToSequence), decodeEvents: false, cancellation))
            yield return row.Row.LeafHash();
    }

    /// <summary>One stored row as its leaf, and as the event Marten's own event selector decodes from that same row;
    /// no event when Marten cannot decode it (a row edited to a body its type cannot take, or a type no event has).</summary>
    public readonly record struct StoredEvent(StoredRow Row, IEvent? Event);

    /// <summary>
    /// A stream's rows in sequence order, each as its leaf and as Marten decodes it: a check that holds the ledger
    /// against the views reads the stream once. The event is Marten's own reading of the row (its event storage's
    /// selector, over its own columns), not a decoding of ours; the leaf is the columns as stored, as in
    /// <see cref="ReadAsync"/>. <c>verify</c> read the stream twice, once for each, and that second read was most of
    /// what it cost beyond a plain replay.
    /// </summary>
    public static IAsyncEnumerable<StoredEvent> WithEventsAsync(IQuerySession session, Guid streamId, CancellationToken cancellation) =>
        RowsAsync(session, RowFilter.Stream(streamId), decodeEvents: true, cancellation);

    /// <summary>
    /// Which rows a read takes: one stream's, or a range of the global sequence, never both. Each is a statement of
    /// its own, with no bound that is always true: Marten's connections prepare what they run often, and PostgreSQL
    /// plans a prepared statement once for any parameters after its fifth run; for a stream read that also said
    /// "between the lowest and the highest sequence", that plan scanned the whole sequence index beside the stream's
    /// (a bitmap AND), and at 5,000,000 events doubled what verify took.
    /// </summary>
    private sealed record RowFilter(string Where, object[] Values)
    {
        public static RowFilter Stream(Guid streamId) => new("stream_id = $1", [streamId]);

        public static RowFilter Between(long afterSequence, long upToSequence) =>
            new("seq_id > $1 and seq_id <= $2", [afterSequence, upToSequence]);
    }

    private static async IAsyncEnumerable<StoredEvent> RowsAsync(
        IQuerySession session, RowFilter filter, bool decodeEvents, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        // Marten's selector reads its own columns, from the first on. A column of the row's that Marten reads too is
        // read from the same place (the row is buffered whole, so it can be read twice): selected twice, every body
        // and header would be sent and parsed twice.
        var events = decodeEvents ? ((IMartenSession)session).EventStorage() : null;
        var columns = new List<string>(events?.SelectFields() ?? []);
        int Column(string column)
        {
            if (columns.IndexOf(column) is var at and >= 0) return at;
            columns.Add(column);
            return columns.Count - 1;
        }
        var (sequence, stream, version, type, body, user, headerColumn, correlation) = (Column("seq_id"), Column("stream_id"),
            Column("version"), Column("type"), Column("data"), Column("user_name"), Column("headers"), Column("correlation_id"));
        // As microseconds since the epoch, and whether it is infinite: see StoredRow.RecordedAt.
        var microseconds = Column("case when isfinite(timestamp) then (extract(epoch from timestamp) * 1000000)::bigint end");
        var infinity = Column("case when timestamp = 'infinity' then 1 when timestamp = '-infinity' then -1 else 0 end");
        // Column by column, and each row's leaf written as it is read: a check reads every event of an inspection,
        // and a JSON object built around each row, or every row's parsed body held until the last is read, cost
        // more than the rows.
        await using var command = new NpgsqlCommand(
            $"""
             select {string.Join(", ", columns)}
               from {schema}.mt_events as d
              where {filter.Where}
              order by seq_id
             """);
        foreach (var value in filter.Values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var e = events is null ? null : Decode(events, reader);
            var row = new StoredRow(reader.GetInt64(sequence), reader.GetGuid(stream), reader.GetInt64(version), reader.GetString(type),
                reader.GetFieldValue<byte[]>(body), reader.IsDBNull(microseconds) ? null : reader.GetInt64(microseconds), reader.GetInt32(infinity),
                reader.IsDBNull(user) ? null : reader.GetString(user), reader.IsDBNull(headerColumn) ? null : reader.GetFieldValue<byte[]>(headerColumn),
                reader.IsDBNull(correlation) ? null : reader.GetString(correlation));
            yield return new StoredEvent(row, e);
        }
    }

    // Only an edit in the database writes a row Marten cannot decode; the check that reads it reports the row as
    // changed (its leaf differs from the one sealed), where failing on it would leave every later row unchecked.
    private static IEvent? Decode(Marten.Events.IEventStorage events, DbDataReader reader)
    {
        try
        {
            return ((ISelector<IEvent>)events).Resolve(reader);
        }
        // System.Text.Json's own exception for a body its type cannot take, as Marten's selector lets it through;
        // Marten's and JasperFx's for a type or a body they refuse themselves.
        catch (Exception undecodable) when (undecodable is JsonException
                                               or Marten.Exceptions.EventDeserializationFailureException or Marten.Exceptions.UnknownEventTypeException
                                               or JasperFx.Events.EventDeserializationFailureException or JasperFx.Events.UnknownEventTypeException)
        {
            return null;
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

    /// <summary>One event row's columns as stored, its body and headers still the bytes PostgreSQL sent: the leaf is
    /// written from them apart from the read, so a caller can hash on one thread while it reads on another.</summary>
    public readonly record struct StoredRow(
        long Sequence, Guid StreamId, long Version, string Type, byte[] Data, long? RecordedAtMicroseconds, int RecordedAtInfinity, string? User,
        byte[]? Headers, string? CorrelationId)
    {
        /// <summary>The canonical leaf the columns give now.</summary>
        public StoredLeaf Leaf()
        {
            var (leaf, fault) = FromColumns(LeafBytes.Of, static body => body);
            return new StoredLeaf(Sequence, StreamId, Version, leaf, fault);
        }

        /// <summary>The hash of the leaf the columns give now, the leaf itself never kept.</summary>
        public StoredLeafHash LeafHash()
        {
            var (hash, fault) = FromColumns(LeafBytes.Hash, static body => MerkleHash.Leaf(body));
            return new StoredLeafHash(Sequence, StreamId, Version, hash, fault);
        }

        /// <summary>What <paramref name="ofLeaf"/> makes of the leaf the columns give; for columns that give none,
        /// what <paramref name="ofBody"/> makes of the body as stored, and why.</summary>
        private (byte[] Bytes, string? Fault) FromColumns(Func<LeafFields, byte[]> ofLeaf, Func<byte[], byte[]> ofBody)
        {
            try
            {
                using var data = JsonDocument.Parse(Data);
                using var headers = Headers is null ? null : JsonDocument.Parse(Headers);
                var header = headers?.RootElement;
                var fields = new LeafFields(Sequence, StreamId, Version, Type, data.RootElement, RecordedAt, OccurredAt(header), User,
                    Header(header, LedgerWrites.RoleHeader)?.GetString(), CorrelationId,
                    Header(header, LedgerWrites.WeekHeader) is { ValueKind: JsonValueKind.Number } week ? week.GetInt32() : null);
                return (ofLeaf(fields), null);
            }
            catch (Exception noLeaf) when (noLeaf is ArgumentException or JsonException or InvalidOperationException or FormatException)
            {
                // Only an edit in the database writes such a row (a number beyond any double, JSON nested deeper than a
                // reader goes, a header of the wrong kind): Marten writes every event from .NET values, which always
                // have a canonical leaf. It cannot be the event that was sealed, and a check that failed on it would
                // leave every other row unchecked, so it is reported as changed instead.
                return (ofBody(Data), $"columns that give no leaf ({noLeaf.Message})");
            }
        }

        // As EventMetadata reads it: the stated valid time, or else the recorded time.
        private DateTimeOffset OccurredAt(JsonElement? headers) =>
            Header(headers, LedgerWrites.OccurredAtHeader) is { ValueKind: JsonValueKind.String } stated && Instants.TryParse(stated.GetString(), out var at)
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

        private static JsonElement? Header(JsonElement? headers, string name) =>
            headers is { ValueKind: JsonValueKind.Object } found && found.TryGetProperty(name, out var value) ? value : null;
    }
}
