using CaseLedger.Api.Inspections;

namespace CaseLedger.Api.Yots;

/// <summary>The register's entries for the YOTs a view shows, loaded in one query, and each YOT's name and
/// region as the register held them at the moment the view is asked about.</summary>
public sealed class YotRegister(IReadOnlyDictionary<string, RegisteredYot> entries)
{
    public static async Task<YotRegister> LoadAsync(IEnumerable<string> codes, IQuerySession session, CancellationToken cancellation)
    {
        var distinct = codes.Distinct(StringComparer.Ordinal).ToArray();
        var registered = distinct.Length == 0 ? [] : await session.LoadManyAsync<RegisteredYot>(cancellation, distinct);
        return new YotRegister(registered.ToDictionary(yot => yot.Id, StringComparer.Ordinal));
    }

    /// <summary>The register's name and region at <paramref name="at"/> (now when null). An inspection opened before
    /// the register existed keeps what it recorded when it opened.</summary>
    public YotReference Name(YotReference recorded, DateTimeOffset? at) =>
        entries.TryGetValue(recorded.Code, out var yot) ? yot.AsOf(at) : recorded;
}
