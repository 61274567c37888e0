namespace CaseLedger.Tests.Infrastructure;

[Collection(ApiCollection.Name)]
public sealed class EventStoreTests(AppFixture app)
{
    private sealed record SmokeRecorded(string Note);

    [Fact]
    public async Task An_appended_event_reads_back_with_its_metadata()
    {
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        var streamId = Guid.NewGuid();

        await using (var session = store.LightweightSession())
        {
            session.CorrelationId = "corr-42";
            session.LastModifiedBy = "inspector-7";
            session.SetHeader("role", "inspector");
            session.Events.StartStream(streamId, new SmokeRecorded("first"));
            await session.SaveChangesAsync();
        }

        await using var query = store.QuerySession();
        var events = await query.Events.FetchStreamAsync(streamId);
        var recorded = Assert.Single(events);
        Assert.Equal(new SmokeRecorded("first"), recorded.Data);
        Assert.Equal("corr-42", recorded.CorrelationId);
        Assert.Equal("inspector-7", recorded.UserName);
        Assert.Equal("inspector", recorded.GetHeader("role")?.ToString());
    }
}
