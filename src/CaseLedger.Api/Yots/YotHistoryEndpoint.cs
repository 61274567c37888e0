using CaseLedger.Api.Ledger;

namespace CaseLedger.Api.Yots;

/// <summary><c>GET /yots/{code}/history</c>: every registration and change of one YOT, with who, in which role,
/// when and in which request, read from the YOT's own stream.</summary>
public static class YotHistoryEndpoint
{
    public sealed record YotChange(
        long Version, string Kind, string Name, string Region, string? PreviousName, string? PreviousRegion,
        string? By, string? Role, DateTimeOffset At, string? CorrelationId);

    public sealed record YotHistory(string Code, IReadOnlyList<YotChange> Changes);

    [Authorize(Roles = Roles.Auditor + "," + Roles.Admin)]
    [WolverineGet("/yots/{code}/history", OperationId = "GetYotHistory")]
    [Tags(Capability.YotRegister)]
    [EndpointSummary("Read a YOT's history")]
    [EndpointDescription("Each registration and change of a YOT: kind, name and region, what they replaced, by whom, in which role, when and in which request. 404 for a code the register does not hold.")]
    [ProducesResponseType<YotHistory>(StatusCodes.Status200OK, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Get(string code, IQuerySession session, CancellationToken cancellation)
    {
        var events = YotCodes.IsValid(code) ? await new LedgerEvents(session).StreamAsync(YotCodes.StreamId(code), cancellation: cancellation) : [];
        if (events.Count == 0) return Rejection.NotFound($"No YOT '{code}' is registered.").ToResult();
        return Results.Ok(new YotHistory(code, [.. events.Select(ChangeOf).OfType<YotChange>()]));
    }

    private static YotChange? ChangeOf(IEvent e) => e.Data switch
    {
        YotRegistered r => new YotChange(e.Version, "registered", r.Name, r.Region, null, null, e.UserName, EventMetadata.Role(e), e.Timestamp, e.CorrelationId),
        YotChanged c => new YotChange(e.Version, "changed", c.Name, c.Region, c.PreviousName, c.PreviousRegion, e.UserName, EventMetadata.Role(e), e.Timestamp, e.CorrelationId),
        _ => null,
    };
}
