using System.Net.Http.Json;
using CaseLedger.Api.Notifications;
using CaseLedger.Api.Notifications.Feed;
using static CaseLedger.Api.Notifications.Feed.FeedEndpoint;

namespace CaseLedger.Tests.Notifications;

/// <summary>Reading the change feed as its callers do.</summary>
public static class FeedScenarios
{
    public const string Reporting = "reporting-feed";
    public const string Admin = "admin-feed";

    /// <summary>The cursor of the feed's last entry (after <c>CaughtUp</c>, of every event committed before): where
    /// a test's own entries start. Other tests write beside it, so a test filters what follows to its own ids.</summary>
    public static async Task<string> FeedEnd(this IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var end = await session.AdvancedSql.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {FeedTable.Name}", CancellationToken.None);
        return end[0].ToString();
    }

    public static async Task<FeedPage> Feed(this IAlbaHost host, string role, string query)
    {
        using var client = host.ClientAs(role == Roles.Auditor ? ViewScenarios.Auditor : role == Roles.Admin ? Admin : Reporting, role);
        using var response = await client.GetAsync($"/feed?{query}");
        Assert.True(response.IsSuccessStatusCode, $"/feed?{query} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAs<FeedPage>();
    }

    /// <summary>Every entry after <paramref name="after"/>, page by page as a client loops on <c>next</c>.</summary>
    public static async Task<IReadOnlyList<FeedEntry>> FeedAfter(this IAlbaHost host, string role, string after, int limit = 1000)
    {
        var entries = new List<FeedEntry>();
        for (var page = await host.Feed(role, $"after={after}&limit={limit}"); page.Entries.Count > 0; page = await host.Feed(role, $"after={page.Next}&limit={limit}"))
            entries.AddRange(page.Entries);
        return entries;
    }

    /// <summary>Publishes, then corrects a published judgement: the two inspection notices.</summary>
    public static async Task PublishAndCorrect(this IAlbaHost host, Guid id, ViewScenarios.Answered judgement)
    {
        await host.Publish(id);
        await host.Scenario(s =>
        {
            s.AsLead().Post.Json(new { answer = "not-applicable", rationale = "the case closed before the plan was due", expectedVersion = 1 })
                .ToUrl($"/inspections/{id}/judgements/{judgement.Id}/corrections");
            s.StatusCodeShouldBeOk();
        });
    }

    /// <summary>Follows <c>next</c> from a waited page until the inspection's publication is among the entries:
    /// another test's publication may wake a wait first, and a client then asks again after it. Gives up after a
    /// few pages, so a publication that never comes fails the test rather than holding it.</summary>
    public static async Task UntilPublished(FeedPage page, Guid inspection, Func<string, Task<FeedPage>> waitAfter)
    {
        for (var pages = 1; !page.Entries.Any(e => e.InspectionId == inspection && e.Kind == NoticeKinds.InspectionPublished); pages++)
        {
            Assert.True(pages < 5 && page.Entries.Count > 0, $"no publication of {inspection} after {pages} pages");
            page = await waitAfter(page.Next);
        }
    }

    /// <summary>An administrator renames a registered YOT: a <c>yot.changed</c> notice.</summary>
    public static Task GivenYotRenamed(this IAlbaHost host, string code, string name) => host.Scenario(s =>
    {
        s.As(Scenarios.Admin, Roles.Admin).Put.Json(new { name, region = "East Midlands" }).ToUrl($"/yots/{code}");
        s.StatusCodeShouldBeOk();
    });

    public static string NewYot(string prefix) =>
        prefix + "-" + new string([.. Guid.NewGuid().ToString("N").Take(12).Select(c => (char)('a' + c % 26))]);
}
