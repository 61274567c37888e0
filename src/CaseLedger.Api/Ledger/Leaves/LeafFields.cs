using System.Text.Json;

namespace CaseLedger.Api.Ledger.Leaves;

/// <summary>
/// What one event's leaf covers, as plain values: built from a Marten event when sealing, or from the stored row's
/// columns when a check recomputes a leaf without trusting Marten to decode it. <see cref="Type"/> is Marten's
/// event type name (the <c>type</c> column), <see cref="Data"/> the body as Marten's serializer writes it (see
/// <see cref="LedgerEvents.DataOf"/>), <see cref="User"/> Marten's user name, <see cref="OccurredAt"/> the valid
/// time (the stated one, or else the recorded time), and <see cref="Role"/> and <see cref="Week"/> the headers
/// <see cref="EventMetadata"/> reads.
/// </summary>
public readonly record struct LeafFields(
    long Sequence,
    Guid StreamId,
    long Version,
    string Type,
    JsonElement Data,
    DateTimeOffset RecordedAt,
    DateTimeOffset OccurredAt,
    string? User,
    string? Role,
    string? CorrelationId,
    int? Week)
{
    /// <summary>The fields of <paramref name="e"/>, whose body <paramref name="data"/> is as Marten stored it.</summary>
    public static LeafFields From(IEvent e, JsonElement data) => new(
        e.Sequence, e.StreamId, e.Version, e.EventTypeName, data, e.Timestamp, EventMetadata.OccurredAt(e), e.UserName,
        EventMetadata.Role(e), e.CorrelationId, EventMetadata.Week(e));
}
