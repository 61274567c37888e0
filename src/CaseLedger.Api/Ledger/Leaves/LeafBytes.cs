using System.Text.Json;
using CaseLedger.Api.Ledger.Canonical;

namespace CaseLedger.Api.Ledger.Leaves;

/// <summary>
/// The leaf of one event in the ledger's Merkle tree (DESIGN §10): the RFC 8785 canonical JSON of
/// <c>{sequence, streamId, version, type, data, recordedAt, occurredAt, user, role, correlationId, week}</c>. Every member is
/// always present, a missing value as an explicit null, so a leaf's shape never depends on what an event carried.
/// The stream id is the lowercase hyphenated form PostgreSQL prints for a uuid. The recorded time is an RFC 3339
/// UTC string with exactly six fraction digits: PostgreSQL's timestamptz keeps microseconds, so the same leaf comes
/// back from the stored row; finer .NET ticks are dropped, not rounded, for the same reason. The valid time
/// (<c>occurredAt</c>, DESIGN §11) is written the same way, and is the recorded time where the write stated none.
/// </summary>
public static class LeafBytes
{
    public const string RecordedAtFormat = Instants.StoredFormat;

    /// <summary>The canonical leaf of <paramref name="e"/>, whose body <paramref name="data"/> is as Marten stored it.</summary>
    public static byte[] Of(IEvent e, JsonElement data) => Of(LeafFields.From(e, data));

    /// <summary>The canonical leaf of <paramref name="fields"/>.</summary>
    public static byte[] Of(LeafFields fields)
    {
        if (fields.Data.ValueKind == JsonValueKind.Undefined)
            throw new ArgumentException("A leaf needs the event's data; it has none.", nameof(fields));

        // Written with the data copied as it is, then canonicalised as one document, so the data's own faults
        // (a duplicate member, say) are refused by CanonicalJson rather than hidden by an intermediate model.
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", fields.Sequence);
            writer.WriteString("streamId", fields.StreamId.ToString("D"));
            writer.WriteNumber("version", fields.Version);
            writer.WriteString("type", fields.Type);
            writer.WritePropertyName("data");
            fields.Data.WriteTo(writer);
            writer.WriteString("recordedAt", RecordedAt(fields.RecordedAt));
            writer.WriteString("occurredAt", RecordedAt(fields.OccurredAt));
            WriteNullable(writer, "user", fields.User);
            WriteNullable(writer, "role", fields.Role);
            WriteNullable(writer, "correlationId", fields.CorrelationId);
            if (fields.Week is { } week) writer.WriteNumber("week", week);
            else writer.WriteNull("week");
            writer.WriteEndObject();
        }
        using var leaf = JsonDocument.Parse(buffer.ToArray());
        return CanonicalJson.Serialize(leaf.RootElement);
    }

    /// <summary>A recorded time as a leaf writes it: UTC, to the microsecond.</summary>
    public static string RecordedAt(DateTimeOffset value) => Instants.Stored(value);

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
