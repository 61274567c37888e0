using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseLedger.Api.Ledger.Signing;

/// <summary>
/// A signed tree head (DESIGN §10): the ledger's statement that its Merkle tree of <see cref="TreeSize"/> leaves
/// has <see cref="RootHash"/>, signed at <see cref="Timestamp"/> by the key <see cref="KeyId"/>. In JSON the
/// hashes and the signature are standard base64 (padded) and the timestamp is an RFC 3339 UTC string with exactly
/// three fraction digits (<c>2016-06-22T09:30:00.000Z</c>): one spelling per instant, so the signed bytes are
/// fixed, and milliseconds are finer than any head is made. See <see cref="TreeHeadSigner.SignedBytes(TreeHead)"/>.
/// </summary>
public sealed record TreeHead(
    [property: JsonPropertyName("treeSize")] long TreeSize,
    [property: JsonPropertyName("rootHash")] byte[] RootHash,
    [property: JsonPropertyName("timestamp"), JsonConverter(typeof(TreeHeadTimestamp))] DateTimeOffset Timestamp,
    [property: JsonPropertyName("keyId")] string KeyId,
    [property: JsonPropertyName("signature")] byte[] Signature);

/// <summary>The one spelling of a tree head's timestamp; a head read back parses only that spelling.</summary>
public sealed class TreeHeadTimestamp : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The instant to the millisecond, in UTC: what a head signs and what it says.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    public static string Write(DateTimeOffset value) => Truncate(value).ToString(Format, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.TryParseExact(reader.GetString(), Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : throw new JsonException($"A tree head's timestamp is written as {Format} in UTC.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Write(value));
}
