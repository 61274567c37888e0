using System.Text.RegularExpressions;
using CaseLedger.Api.Inspections;
using JasperFx;

namespace CaseLedger.Api.Yots;

// The register of YOTs (DESIGN.md §12): reference data with a history of its own, one stream per YOT, kept by an
// administrator. An inspection names a YOT by code; its name and region come from here, never from the inspection.

public sealed record YotRegistered(string Code, string Name, string Region);

/// <summary>A registered YOT renamed or moved to another region. Carries what it replaced, so the history reads alone.</summary>
public sealed record YotChanged(string Code, string PreviousName, string PreviousRegion, string Name, string Region);

/// <summary>A name and region the YOT has had, from the moment the register recorded it.</summary>
public sealed record YotEntry(string Name, string Region, DateTimeOffset From);

/// <summary>
/// One YOT as the register holds it, written in the same transaction as its events, so a command or a view reads it
/// as current as the ledger. Its id is the code; <see cref="Entries"/> keeps every name and region with their dates,
/// so a view at a moment names the YOT as it stood then without replaying its stream.
/// </summary>
public sealed record RegisteredYot : IRevisioned
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Region { get; init; }
    public required IReadOnlyList<YotEntry> Entries { get; init; }

    /// <summary>Marten's numeric revision: two administrators changing one YOT at once cannot both win.</summary>
    public int Version { get; set; }

    public YotReference Reference => new(Id, Name, Region);

    /// <summary>The YOT as the register named it at <paramref name="at"/> (now when null). A moment before it was
    /// registered gets its first registration: the earliest the register knows.</summary>
    public YotReference AsOf(DateTimeOffset? at)
    {
        var entry = at is { } moment ? Entries.LastOrDefault(entry => entry.From <= moment) ?? Entries[0] : Entries[^1];
        return new YotReference(Id, entry.Name, entry.Region);
    }

    public static RegisteredYot Start(YotRegistered registered, DateTimeOffset at) => new()
    {
        Id = registered.Code, Name = registered.Name, Region = registered.Region,
        Entries = [new YotEntry(registered.Name, registered.Region, at)],
    };

    public RegisteredYot Apply(YotChanged changed, DateTimeOffset at) => this with
    {
        Name = changed.Name, Region = changed.Region, Entries = [.. Entries, new YotEntry(changed.Name, changed.Region, at)],
    };
}

public static partial class YotCodes
{
    private static readonly Guid StreamNamespace = new("8b4f2c1d-6e3a-4f0b-9d57-2a1c7e9f4b60");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    public const int MaxLength = 60;

    public const string Rule = "must be lower-case words joined by hyphens, such as 'north-east-lincolnshire'.";

    public static bool IsValid(string? code) => code is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(code);

    /// <summary>Each YOT's stream: an id derived from its code, so the register needs no lookup to find it.</summary>
    public static Guid StreamId(string code) => NameBasedIds.From(StreamNamespace, $"yot/{code}");
}
