using System.Text.Json;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Ledger.Sealing;

namespace CaseLedger.Api.Audit;

/// <summary>
/// The audit log: an inspection's events in order, paged by stream version. A page is "the events after version
/// N", so pages never shift while new events arrive; <c>next</c> names the following page. Each event carries its
/// place in the sealed log (leaf index and hash) once it is sealed, a moment after commit, and both its times.
/// <c>?recordedLaterThan=PT24H</c> keeps the events recorded more than that after they happened: the backdated.
/// </summary>
public static class EventLogEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public sealed record EventPage(Guid InspectionId, long After, int Limit, IReadOnlyList<LoggedEvent> Events, string? Next);

    /// <summary>An event as the log shows it: <see cref="OccurredAt"/> is when it happened in the inspection,
    /// <see cref="RecordedAt"/> when the ledger recorded it (DESIGN §11).</summary>
    public sealed record LoggedEvent(
        long Sequence, long Version, string Type, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? Actor, string? Role,
        int? Week, string? CorrelationId, JsonElement Data, long? LeafIndex, string? LeafHash);

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/events", OperationId = "GetEventLog")]
    [Tags(Capability.Audit)]
    [EndpointSummary("Read an inspection's event log")]
    [EndpointDescription("The audit log, paged by stream version: sequence, version, type, valid and recorded time, actor, week, correlation id and data. `?after=V&limit=N` pages (`next` gives the following page); `?recordedLaterThan=` keeps events recorded after a moment. 400 for bad paging values; 404 outside reach.")]
    [ProducesResponseType<EventPage>(200, "application/json")]
    [ProblemResponses(400, 401, 403, 404)]
    public static async Task<IResult> Get(
        Guid id, long? after, int? limit, string? recordedLaterThan, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        errors.Require(after is null or >= 0, "after", "must be a stream version, 0 or more.");
        errors.Require(limit is null or (>= 1 and <= MaxLimit), "limit", $"must be between 1 and {MaxLimit}.");
        var lateness = recordedLaterThan is null ? (TimeSpan?)null : Durations.Parse(recordedLaterThan);
        if (recordedLaterThan is not null && lateness is null)
            errors.Add("recordedLaterThan", $"'{recordedLaterThan}' is not {Durations.Rule}.");
        if (errors.ToRejection() is { } invalid) return invalid.ToResult();
        if (await InspectionReach.CheckAsync(id, http, session, cancellation) is { } hidden) return hidden.ToResult();

        var from = after ?? 0;
        var size = limit ?? DefaultLimit;
        var ledger = new LedgerEvents(session);
        var page = lateness is { } late
            ? await ledger.RecordedLatePageAsync(id, from, size + 1, late, cancellation)
            : await ledger.PageAsync(id, from, size + 1, cancellation);
        var sealedLeaves = await SealedLeaves.ForSequencesAsync(session, [.. page.Select(e => e.Sequence)], cancellation);
        var events = page.Select(e => new LoggedEvent(
            e.Sequence, e.Version, e.EventTypeName, EventMetadata.OccurredAt(e), e.Timestamp, e.UserName, EventMetadata.Role(e), EventMetadata.Week(e),
            e.CorrelationId, ledger.DataOf(e), sealedLeaves.GetValueOrDefault(e.Sequence)?.LeafIndex,
            sealedLeaves.GetValueOrDefault(e.Sequence)?.LeafHash)).ToList();

        var more = events.Count > size;
        if (more) events.RemoveAt(events.Count - 1);
        var next = more
            ? $"/inspections/{id}/events?after={events[^1].Version}&limit={size}" + (recordedLaterThan is null ? "" : $"&recordedLaterThan={Uri.EscapeDataString(recordedLaterThan)}")
            : null;
        return Results.Ok(new EventPage(id, from, size, events, next));
    }
}
