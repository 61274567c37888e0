using CaseLedger.Tests.Scores;

namespace CaseLedger.Tests.Ledger.Checks;

/// <summary>
/// The inspection's check reads its rows once and hands them to the comparing side in batches: an inspection of
/// several batches must have every row checked, the last partial batch included, and still agree.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InspectionCheckTests(AppFixture app)
{
    [Fact]
    public async Task Every_row_of_an_inspection_longer_than_several_hand_overs_is_checked_and_verify_agrees()
    {
        var (id, answers) = await app.Host.GivenScoredInspection("cci-2009", $"yot-{Guid.NewGuid():N}"[..20], "Wales", "2012-02-06",
            cases: 25, judgements: 900, i => i % 4 == 0 ? "insufficient" : "sufficient");
        await app.Host.CaughtUp();
        var streamVersion = await app.Host.StreamVersion(id);
        Assert.True(streamVersion > 3 * 256 + 1, $"only {streamVersion} events: not enough to span several hand-overs");

        var verification = await app.Host.GetJson($"/inspections/{id}/verify");

        Assert.True(verification.GetProperty("agrees").GetBoolean(), verification.ToString());
        Assert.Equal(answers.Count, verification.GetProperty("judgements").GetInt32());
        Assert.Equal(streamVersion, verification.GetProperty("streamVersion").GetInt64());
        var ledger = verification.GetProperty("ledger");
        Assert.Equal(streamVersion, ledger.GetProperty("checked").GetInt64());
        Assert.Equal(0, ledger.GetProperty("notSealedYet").GetInt32());
    }
}
