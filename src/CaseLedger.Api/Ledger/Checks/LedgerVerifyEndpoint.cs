using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Api.Ledger.Checks;

/// <summary><c>GET /ledger/verify</c>: the whole log recomputed from the stored rows, for an auditor. Slow by
/// nature (every event is read and hashed), so it is an auditor's occasional check, not a view.</summary>
public static class LedgerVerifyEndpoint
{
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/ledger/verify", OperationId = "VerifyLedger")]
    [ProducesResponseType<LedgerCheck>(200, "application/json")]
    [ProblemResponses(401, 403)]
    public static async Task<IResult> Get(IQuerySession session, TreeHeadSigner signer, CancellationToken cancellation) =>
        Results.Ok(await LedgerChecks.WholeLogAsync(session, signer, cancellation));
}
