using System.Text.Json.Serialization;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Api.Ledger.Export;

/// <summary>
/// One inspection's history as an auditor takes it away (DESIGN §10): every stored event of the inspection up to a
/// named signed head, each with its leaf bytes as the rows give them now and its RFC 9162 inclusion proof, the head,
/// and the public keys. <c>ops/verify-ledger</c> checks it with no database. Member names are fixed here, because
/// the file outlives any build that wrote it.
/// </summary>
public sealed record ExportFile(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("inspectionId")] Guid InspectionId,
    [property: JsonPropertyName("head")] TreeHead Head,
    [property: JsonPropertyName("keys")] IReadOnlyList<PublicJwk> Keys,
    [property: JsonPropertyName("consistency")] ExportedConsistency? Consistency,
    [property: JsonPropertyName("events")] IReadOnlyList<ExportedEvent> Events,
    [property: JsonPropertyName("eventsAfterHead")] int EventsAfterHead)
{
    public const string CurrentFormat = "caseledger-export/1";
}

/// <summary>
/// One event. <see cref="Leaf"/> is its canonical leaf recomputed from the stored row (null when the row is gone);
/// <see cref="LeafIndex"/>, <see cref="LeafHash"/> and <see cref="Path"/> are where and how it was sealed (null
/// when no leaf was sealed for it). A verifier hashes <see cref="Leaf"/> itself; the sealed hash is there to say
/// what it should have been.
/// </summary>
public sealed record ExportedEvent(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("streamId")] Guid StreamId,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("leafIndex")] long? LeafIndex,
    [property: JsonPropertyName("leafHash")] byte[]? LeafHash,
    [property: JsonPropertyName("leaf")] byte[]? Leaf,
    [property: JsonPropertyName("path")] IReadOnlyList<byte[]>? Path);

/// <summary>The RFC 9162 consistency proof from an earlier tree size the auditor holds a head for, to the export's.</summary>
public sealed record ExportedConsistency(
    [property: JsonPropertyName("first")] long First,
    [property: JsonPropertyName("second")] long Second,
    [property: JsonPropertyName("path")] IReadOnlyList<byte[]> Path);
