using System.Text.Json.Serialization;
using CaseLedger.Api.Ledger;

namespace CaseLedger.Api.Scores;

/// <summary>
/// A point resolved against one inspection's ledger: the events it takes in are those up to <see cref="Version"/>
/// that had happened by <see cref="ValidBy"/> and had been recorded by <see cref="RecordedBy"/>, each bound when
/// given (DESIGN §11). <see cref="At"/> and <see cref="RecordedAt"/> say when the point is in each time: the bounds
/// themselves, or the times of the event at <see cref="Version"/>.
/// </summary>
public sealed record ResolvedPoint(string Point, long Version, DateTimeOffset? At, DateTimeOffset? RecordedAt = null)
{
    /// <summary>Valid time (<c>at=TIMESTAMP</c>): events that happened later are left out.</summary>
    [JsonIgnore]
    public DateTimeOffset? ValidBy { get; init; }

    /// <summary>Recorded time (<c>recordedAt=TIMESTAMP</c>): events recorded later are left out.</summary>
    [JsonIgnore]
    public DateTimeOffset? RecordedBy { get; init; }

    /// <summary>True when the point is a prefix of the stream: every event up to its version.</summary>
    [JsonIgnore]
    public bool IsPrefix => ValidBy is null && RecordedBy is null;

    public bool Takes(IEvent e) => Takes(e.Version, EventMetadata.OccurredAt(e), e.Timestamp);

    /// <summary>Whether the point takes in the event at <paramref name="version"/> that happened at
    /// <paramref name="occurredAt"/> and was recorded at <paramref name="recordedAt"/>.</summary>
    public bool Takes(long version, DateTimeOffset occurredAt, DateTimeOffset recordedAt) =>
        version <= Version && TakesTimes(occurredAt, recordedAt);

    /// <summary>Whether events that happened by <paramref name="occurredAt"/> and were recorded by
    /// <paramref name="recordedAt"/> are inside the point's time bounds.</summary>
    public bool TakesTimes(DateTimeOffset occurredAt, DateTimeOffset recordedAt) =>
        (ValidBy is not { } valid || occurredAt <= valid) && (RecordedBy is not { } recorded || recordedAt <= recorded);
}
