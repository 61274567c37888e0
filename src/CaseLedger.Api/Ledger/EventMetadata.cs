using System.Text.Json;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.Ledger;

/// <summary>Reads the metadata every ledger write stamps on its events (see <see cref="LedgerWrites.Stamp"/>).</summary>
public static class EventMetadata
{
    public static int? Week(IEvent e) => Number(e.GetHeader(LedgerWrites.WeekHeader));

    public static string? Role(IEvent e) => e.GetHeader(LedgerWrites.RoleHeader)?.ToString();

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
