using CaseLedger.Demo;

namespace CaseLedger.Tests.Demo;

/// <summary>
/// A load cut off part way (the host stopped, the connection dropped) is finished by the next one, which appends
/// only what the first did not. Runs on a copy of the Stockport demo under a fresh key and YOT code, so it never
/// touches the seed inspections.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DemoResumeTests(AppFixture app)
{
    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(19)]
    [InlineData(22)]
    [InlineData(26)]
    [InlineData(28)]
    [InlineData(30)]
    public async Task A_load_cut_off_after_some_requests_is_finished_by_the_next_without_doubling_anything(int requests)
    {
        var key = $"resume-{Guid.NewGuid():N}";
        var inspection = DemoInspections.Named("stockport") with { Key = key, Yot = DemoInspections.Named("stockport").Yot with { Code = key } };
        var script = DemoScripts.Build(inspection, app.Host.Services.GetRequiredService<FrameworkCatalog>().Latest("sqs-2014")!);

        var cutOff = new CutOffAfter(requests) { InnerHandler = app.Host.Server.CreateHandler() };
        await Assert.ThrowsAsync<HttpRequestException>(() => app.Host.LoadDemo([inspection], new HttpClient(cutOff) { BaseAddress = app.Host.Server.BaseAddress }));
        await app.Host.LoadDemo([inspection]);

        Assert.Equal(InspectionStates.Published, (await app.Host.Summary(inspection.Id)).State);
        var events = await app.Host.Events(inspection.Id);
        Assert.Equal(
            (1, script.Cases.Count, 1, 1, script.Judgements.Count, script.Revisions, script.Moderations, 1),
            (events.Count(e => e.Data is InspectionOpened), events.Count(e => e.Data is CaseAddedToSample),
                events.Count(e => e.Data is FieldworkWeekOpened), events.Count(e => e.Data is FieldworkWeekClosed),
                events.Count(e => e.Data is JudgementRecorded), events.Count(e => e.Data is JudgementRevised),
                events.Count(e => e.Data is JudgementModerated), events.Count(e => e.Data is InspectionPublished)));
        Assert.Equal(
            script.Judgements.Select(j => (j.Id, j.Final)).OrderBy(j => j.Id),
            (await app.Host.Judgements(inspection.Id)).Select(j => (j.Id, j.Answer)).OrderBy(j => j.Id));
    }

    /// <summary>
    /// Lets the first requests through, then loses the answer to the last of them (sent and committed, but the
    /// client never hears back) and refuses everything after: the worst place for a load to stop.
    /// </summary>
    private sealed class CutOffAfter(int requests) : DelegatingHandler
    {
        private int sent;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
        {
            if (++sent > requests) throw new HttpRequestException("The connection is gone.");
            var response = await base.SendAsync(request, cancellation);
            if (sent == requests) throw new HttpRequestException("The answer was lost on the way back.");
            return response;
        }
    }
}
