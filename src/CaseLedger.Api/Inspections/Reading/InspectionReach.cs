
namespace CaseLedger.Api.Inspections.Reading;

public static class InspectionReach
{
    /// <summary>Null when the caller may read this inspection; a 404 when it is unknown or out of their reach.</summary>
    public static async Task<Rejection?> CheckAsync(Guid id, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var header = await session.LoadAsync<InspectionHeader>(id, cancellation);
        return header is null ? InspectionRules.NotFound(id) : InspectionRules.Reachable(header, Actor.From(http)!);
    }
}
