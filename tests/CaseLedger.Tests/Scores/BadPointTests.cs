using CaseLedger.Api.Scores;

namespace CaseLedger.Tests.Scores;

/// <summary>
/// A point in time (<c>?at=</c>, <c>?from=</c>, <c>?to=</c>) that names no moment of the ledger is a 400 on its
/// field, and the 400 says which forms a point may take.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BadPointTests(AppFixture app) : IAsyncLifetime
{
    private Guid id;

    /// <summary>Week 1 closed after a judgement and week 2 open, so week:2 (now) is later than week:1.</summary>
    public async Task InitializeAsync()
    {
        var (inspection, cases) = await app.Host.GivenInspectionInFieldwork(cases: 1);
        id = inspection;
        await app.Host.GivenJudgement(id, cases[0].Id);
        await app.Host.CloseWeek(id, 1);
        await app.Host.OpenWeek(id, 2);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("scores?at=yesterday", "at")]
    [InlineData("scores?at=version:0", "at")]
    [InlineData("scores?at=version:BEYOND", "at")]
    [InlineData("scores?at=week:7", "at")]
    [InlineData("scores?at=1999-01-01T00:00:00Z", "at")]
    [InlineData("history?from=week:2&to=week:1", "from")]
    [InlineData("history?from=nonsense", "from")]
    [InlineData("history?from=week:1&to=week:0", "to")]
    public async Task Bad_points_are_a_400_that_lists_the_accepted_forms(string query, string field) =>
        Assert.Contains(await ErrorsOn(query, field), message => message.Contains(PointInTime.Forms, StringComparison.Ordinal));

    /// <summary>The 400's messages for <paramref name="field"/>; <c>BEYOND</c> is the version after the ledger's last.</summary>
    private async Task<IReadOnlyList<string>> ErrorsOn(string query, string field)
    {
        var beyond = await app.Host.StreamVersion(id) + 1;
        var problem = await app.Host.GetJson($"/inspections/{id}/{query.Replace("BEYOND", beyond.ToString())}", status: 400);
        return [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(message => message.GetString()!)];
    }
}
