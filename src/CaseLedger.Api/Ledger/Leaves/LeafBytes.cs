using System.Buffers;
using System.Text.Json;
using CaseLedger.Api.Ledger.Canonical;
using CaseLedger.Api.Ledger.Merkle;

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
    /// <summary>The canonical leaf of <paramref name="e"/>, whose body <paramref name="data"/> is as Marten stored it.</summary>
    public static byte[] Of(IEvent e, JsonElement data) => Of(LeafFields.From(e, data));

    /// <summary>The canonical leaf of <paramref name="fields"/>.</summary>
    public static byte[] Of(LeafFields fields) => CanonicalJson.Serialize(Checked(fields), WriteCanonical);

    /// <summary>The leaf hash of <paramref name="e"/> (<see cref="MerkleHash.Leaf"/> of its canonical leaf).</summary>
    public static byte[] Hash(IEvent e, JsonElement data) => Hash(LeafFields.From(e, data));

    /// <summary>The leaf hash of <paramref name="fields"/>, hashed where the leaf is written and never kept: the
    /// sealer and every check hash a leaf for each event, and the leaves' copies and strings were a fifth of what
    /// <c>verify</c> allocated (an allocation trace on the 100,000-event bench database).</summary>
    public static byte[] Hash(LeafFields fields) => CanonicalJson.Written(Checked(fields), WriteCanonical, static leaf => MerkleHash.Leaf(leaf));

    private static LeafFields Checked(LeafFields fields) =>
        fields.Data.ValueKind == JsonValueKind.Undefined
            ? throw new ArgumentException("A leaf needs the event's data; it has none.", nameof(fields))
            : fields;

    // The members in RFC 8785's order (their names sort by UTF-16 code units as written here), each value written
    // canonically; the data is canonicalised as a document of its own, so its own faults (a duplicate member, say)
    // are refused by CanonicalJson. Laid out directly rather than written and parsed again: the sealer and every
    // check write one of these for each event.
    private static void WriteCanonical(LeafFields fields, IBufferWriter<byte> output)
    {
        Member("{\"correlationId\":", output);
        Nullable(fields.CorrelationId, output);
        Member(",\"data\":", output);
        CanonicalJson.Write(fields.Data, output);
        Member(",\"occurredAt\":", output);
        CanonicalJson.WriteFormatted(Instants.StoredUtc(fields.OccurredAt), Instants.StoredFormat, output);
        Member(",\"recordedAt\":", output);
        CanonicalJson.WriteFormatted(Instants.StoredUtc(fields.RecordedAt), Instants.StoredFormat, output);
        Member(",\"role\":", output);
        Nullable(fields.Role, output);
        Member(",\"sequence\":", output);
        CanonicalJson.WriteNumber(fields.Sequence, output);
        Member(",\"streamId\":", output);
        CanonicalJson.WriteFormatted(fields.StreamId, "D", output);
        Member(",\"type\":", output);
        CanonicalJson.WriteString(fields.Type, output);
        Member(",\"user\":", output);
        Nullable(fields.User, output);
        Member(",\"version\":", output);
        CanonicalJson.WriteNumber(fields.Version, output);
        Member(",\"week\":", output);
        if (fields.Week is { } week) CanonicalJson.WriteNumber(week, output);
        else CanonicalJson.Ascii("null", output);
        CanonicalJson.Ascii("}", output);
    }

    private static void Member(string text, IBufferWriter<byte> output) => CanonicalJson.Ascii(text, output);

    private static void Nullable(string? value, IBufferWriter<byte> output)
    {
        if (value is null) CanonicalJson.Ascii("null", output);
        else CanonicalJson.WriteString(value, output);
    }
}
