namespace CaseLedger.Tests.Inspections.Reading;

/// <summary>
/// Finding 1 of the security review: a reporting client read an inspection's week-1 scores (JSON and CSV), and
/// comparing two versions showed one moderation's effect. A caller who may see only the published record (a
/// reporting client, an inspector or lead from another team) gets, for any moment before publication, exactly what
/// an inspection outside their reach gives.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PublishedRecordTests(AppFixture app) : IAsyncLifetime
{
    private static readonly (string User, string Role)[] PublishedOnly =
        [("reporting-1", Roles.ReportingClient), ("inspector-elsewhere", Roles.Inspector), ("lead-elsewhere", Roles.LeadInspector)];

    private readonly string yot = $"pub-{Guid.NewGuid():N}"[..20];
    private Guid id;
    private long publishedVersion;
    private string duringFieldwork = "";

    public async Task InitializeAsync()
    {
        (id, _) = await app.Host.GivenScoredInspection("cci-2009", yot, "London", "2014-09-15", 2, 40, i => i % 3 == 0 ? "insufficient" : "sufficient");
        duringFieldwork = DateTimeOffset.UtcNow.ToString("O");
        await app.Host.Publish(id);
        publishedVersion = await app.Host.StreamVersion(id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Status, string Body)> Get(string url, string user, string role, string accept = "application/json")
    {
        var result = await app.Host.Scenario(s =>
        {
            s.As(user, role).Get.Url(url);
            s.WithRequestHeader("Accept", accept);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }

    /// <summary>What a caller is told about an inspection that does not exist, with the ids swapped back.</summary>
    private async Task<(int Status, string Body)> AsIfUnknown(string url, string user, string role, string accept = "application/json")
    {
        var unknown = Guid.NewGuid();
        var (status, body) = await Get(url.Replace(id.ToString(), unknown.ToString()), user, role, accept);
        return (status, body.Replace(unknown.ToString(), id.ToString()));
    }

    public static TheoryData<string> PointsBeforePublication() => ["week:1", "version:1", "version:PREVIOUS", "DURING", "2001-01-01T00:00:00Z", "week:9"];

    [Theory]
    [MemberData(nameof(PointsBeforePublication))]
    public async Task Every_point_before_publication_is_answered_as_an_unknown_inspection(string point)
    {
        var at = point.Replace("PREVIOUS", (publishedVersion - 1).ToString()).Replace("DURING", duringFieldwork);
        var url = $"/inspections/{id}/scores?at={Uri.EscapeDataString(at)}";
        foreach (var (user, role) in PublishedOnly)
            foreach (var accept in new[] { "application/json", "text/csv" })
            {
                var (status, body) = await Get(url, user, role, accept);
                var (unknownStatus, unknownBody) = await AsIfUnknown(url, user, role, accept);
                Assert.Equal(404, status);
                Assert.Equal(unknownStatus, status);
                Assert.Equal(WithoutRequestIds(unknownBody), WithoutRequestIds(body));
            }
    }

    [Fact]
    public async Task The_published_record_itself_is_served_to_them()
    {
        foreach (var (user, role) in PublishedOnly)
            foreach (var point in new[] { "", "?at=published", $"?at=version:{publishedVersion}" })
            {
                var (status, body) = await Get($"/inspections/{id}/scores{point}", user, role);
                Assert.True(status == 200, $"{user} {point}: {status} {body}");
                Assert.Equal("published", JsonDocument.Parse(body).RootElement.GetProperty("state").GetString());
            }
    }

    [Fact]
    public async Task The_team_still_reads_every_moment()
    {
        var (status, _) = await Get($"/inspections/{id}/scores?at=week:1", Scenarios.Lead, Roles.LeadInspector);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task History_between_points_is_answered_as_for_an_unknown_inspection()
    {
        var url = $"/inspections/{id}/history?from=week:1&to=published";
        foreach (var (user, role) in PublishedOnly)
        {
            var (status, _) = await Get(url, user, role);
            var (unknownStatus, _) = await AsIfUnknown(url, user, role);
            Assert.Equal(unknownStatus, status);
            Assert.True(status is 403 or 404, $"{user}: {status}");
        }
    }

    [Fact]
    public async Task A_yot_at_a_moment_before_publication_shows_them_nothing_of_it()
    {
        var url = $"/yots/{yot}?at={Uri.EscapeDataString(duringFieldwork)}";
        foreach (var (user, role) in PublishedOnly)
        {
            var (status, body) = await Get(url, user, role);
            Assert.True(status == 404, $"{user}: {status} {body}");
        }
        var (teamStatus, _) = await Get(url, Scenarios.Lead, Roles.LeadInspector);
        Assert.Equal(200, teamStatus);
    }

    /// <summary>The problem without what differs between any two requests: their correlation and trace ids.</summary>
    private static string WithoutRequestIds(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("correlationId");
        node.Remove("traceId");
        return node.ToJsonString();
    }
}
