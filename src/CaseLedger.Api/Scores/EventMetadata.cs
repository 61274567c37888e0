using System.Text.Json;
using CaseLedger.Api.Inspections.Writing;
using JasperFx.Events;

namespace CaseLedger.Api.Scores;

/// <summary>Reads the metadata every ledger write stamps on its events (see <see cref="LedgerWrites.Stamp"/>).</summary>
public static class EventMetadata
{
    public static int? Week(IEvent e) => Number(e.GetHeader(LedgerWrites.WeekHeader));

    public static string? Role(IEvent e) => e.GetHeader(LedgerWrites.RoleHeader)?.ToString();

    /// <summary>Role and week from the headers column of a raw <c>mt_events</c> row (null when there are none).</summary>
    public static (string? Role, int? Week) FromHeadersJson(string? headers)
    {
        if (headers is null) return (null, null);
        using var document = JsonDocument.Parse(headers);
        var root = document.RootElement;
        return (root.TryGetProperty(LedgerWrites.RoleHeader, out var role) ? role.GetString() : null,
            root.TryGetProperty(LedgerWrites.WeekHeader, out var week) ? Number(week) : null);
    }

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
