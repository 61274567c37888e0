using CaseLedger.Api.Ledger.Sealing;

namespace CaseLedger.Tests.Ledger.Sealing;

/// <summary>The sealing lag an operator watches counts from the last event the largest signed head covers.</summary>
[Collection(ApiCollection.Name)]
public sealed class UnsealedEventsTests(AppFixture app)
{
    [Fact]
    public async Task Events_after_the_last_one_a_signed_head_covers_are_unsealed()
    {
        // Given every event sealed: the last sealed event is the last the largest head covers
        await app.Host.GivenSealedJudgements(cases: 1);
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var lastSealed = (await session.AdvancedSql.QueryAsync<long>($"select max(seq_id) from {LedgerTables.Leaves}", CancellationToken.None))[0];

        Assert.Equal(3, await UnsealedEvents.CountAsync(session, lastSealed + 3, CancellationToken.None));
        Assert.Equal(0, await UnsealedEvents.CountAsync(session, lastSealed, CancellationToken.None));
    }
}
