namespace CaseLedger.Tests.Inspections;

/// <summary>
/// What a refused write must leave as it found it: the stream's version, the events in it, and every current
/// judgement document of the inspection as stored (with its revision). Compared whole, so "appends nothing" is
/// checked against all a write could have touched.
/// </summary>
public sealed record LedgerState(long StreamVersion, int Events, string CurrentJudgements);

public static class LedgerStates
{
    public static async Task<LedgerState> ReadLedgerState(this IAlbaHost host, Guid inspectionId)
    {
        var judgements = (await host.CurrentJudgements(inspectionId)).OrderBy(judgement => judgement.Id);
        return new LedgerState(
            await host.StreamVersion(inspectionId),
            (await host.Events(inspectionId)).Count,
            string.Join('\n', judgements.Select(judgement => JsonSerializer.Serialize(judgement, Scenarios.Json))));
    }

    /// <summary>Asserts that the inspection's ledger and current judgements are still as <paramref name="before"/>.</summary>
    public static async Task AssertUnchangedSince(this IAlbaHost host, Guid inspectionId, LedgerState before) =>
        Assert.Equal(before, await host.ReadLedgerState(inspectionId));
}
