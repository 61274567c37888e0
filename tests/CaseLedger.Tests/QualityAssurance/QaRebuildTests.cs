using CaseLedger.Api.QualityAssurance;

namespace CaseLedger.Tests.QualityAssurance;

[Collection(ApiCollection.Name)]
public sealed class QaRebuildTests(AppFixture app)
{
    [Fact]
    public async Task A_spoiled_qa_record_fails_verify_and_a_rebuild_writes_it_again_so_the_reads_say_the_same()
    {
        var qa = await QaScenario.GivenAsync(app.Host);
        await app.Host.CaughtUp();
        var stored = await StoredAsync(qa.Id);
        var reliability = await app.Host.GetText($"/inspections/{qa.Id}/reliability");
        Assert.Contains("\"overturned\":6", reliability);

        // Spoiled at the ledger's own version, the reads trust the record and only a rebuild can put it right.
        await using (var session = app.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            var record = (await session.LoadAsync<QaRecord>(qa.Id))!;
            record.Samples = [];
            record.InspectorCounts = new int[record.InspectorCounts.Length];
            session.Store(record);
            await session.SaveChangesAsync();
        }
        Assert.NotEqual(reliability, await app.Host.GetText($"/inspections/{qa.Id}/reliability"));
        var spoiled = await app.Host.GetJson($"/inspections/{qa.Id}/verify");
        Assert.False(spoiled.GetProperty("agrees").GetBoolean());
        Assert.Equal(25, spoiled.GetProperty("mismatches").EnumerateArray().Count(m => m.GetProperty("view").GetString() == "qa"));

        await app.Host.Scenario(s =>
        {
            s.As(Scenarios.Admin, Roles.Admin).Post.Url($"/admin/projections/rebuild?name={QaRecordProjection.ViewName}");
            s.StatusCodeShouldBeOk();
        });
        await app.Host.CaughtUp();

        Assert.Equal(stored, await StoredAsync(qa.Id));
        Assert.Equal(reliability, await app.Host.GetText($"/inspections/{qa.Id}/reliability"));
        Assert.True((await app.Host.GetJson($"/inspections/{qa.Id}/verify")).GetProperty("agrees").GetBoolean());
    }

    private async Task<string?> StoredAsync(Guid id)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Json.FindByIdAsync<QaRecord>(id);
    }
}
