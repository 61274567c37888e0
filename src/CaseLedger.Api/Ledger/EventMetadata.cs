using System.Text.Json;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Ledger;

/// <summary>Reads the metadata every ledger write stamps on its events (see <see cref="LedgerWrites.Stamp"/>).</summary>
public static class EventMetadata
{
    public static int? Week(IEvent e) => Number(e.GetHeader(LedgerWrites.WeekHeader));

    public static string? Role(IEvent e) => e.GetHeader(LedgerWrites.RoleHeader)?.ToString();

    /// <summary>When the event happened in the inspection: the valid time its write stated, or else when it was
    /// recorded (DESIGN §11).</summary>
    public static DateTimeOffset OccurredAt(IEvent e) => StatedOccurredAt(e) ?? e.Timestamp;

    /// <summary>The valid time the event's write stated; null when it stated none.</summary>
    public static DateTimeOffset? StatedOccurredAt(IEvent e) =>
        e.GetHeader(LedgerWrites.OccurredAtHeader) switch
        {
            null => null,
            JsonElement { ValueKind: JsonValueKind.String } element => Instants.TryParse(element.GetString(), out var at) ? at : null,
            // Marten's header reader turns a timestamp string back into a DateTime (UTC, as stored).
            DateTime stored => new DateTimeOffset(stored.Kind == DateTimeKind.Local ? stored.ToUniversalTime() : DateTime.SpecifyKind(stored, DateTimeKind.Utc)),
            DateTimeOffset stored => stored,
            var value => Instants.TryParse(value.ToString(), out var at) ? at : null,
        };

    // Headers come back from the database as JSON elements, or as the values written when still in memory.
    private static int? Number(object? value) => value switch
    {
        null => null,
        int number => number,
        long number => (int)number,
        JsonElement { ValueKind: JsonValueKind.Number } element => element.GetInt32(),
        _ => int.TryParse(value.ToString(), out var parsed) ? parsed : null,
    };
}
