using CaseLedger.Api.Inspections.Judging;

namespace CaseLedger.Tests.Inspections.Judging;

/// <summary>
/// A client whose revision or moderation committed but whose answer was lost sends it again, from the version it
/// saw. That is answered as done, with the judgement as it stands, and appends nothing; anything else from the old
/// version (another text, another answer, another person) is still a conflict.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ChangeRetryTests(AppFixture app)
{
    private static readonly object Revision = new { answer = "insufficient", reasons = new[] { "not-completed" }, note = "checked again", expectedVersion = 1 };
    private static readonly object Moderation = new { answer = "sufficient", rationale = "screening was on the paper file", expectedVersion = 2 };

    [Fact]
    public async Task A_revision_and_a_moderation_sent_twice_are_each_answered_as_done_and_appended_once()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var judgement = await app.Host.GivenJudgement(id, cases[0].Id);
        var revisions = $"/inspections/{id}/judgements/{judgement.Id}/revisions";
        var moderations = $"/inspections/{id}/judgements/{judgement.Id}/moderations";

        var first = await app.Host.Scenario(s => { s.AsInspector().Post.Json(Revision).ToUrl(revisions); s.StatusCodeShouldBeOk(); });
        var again = await app.Host.Scenario(s => { s.AsInspector().Post.Json(Revision).ToUrl(revisions); s.StatusCodeShouldBeOk(); });
        await app.Host.Scenario(s => { s.AsLead().Post.Json(Moderation).ToUrl(moderations); s.StatusCodeShouldBeOk(); });
        var moderatedAgain = await app.Host.Scenario(s => { s.AsLead().Post.Json(Moderation).ToUrl(moderations); s.StatusCodeShouldBeOk(); });

        var (once, twice) = (first.ReadAsJson<JudgementView>()!, again.ReadAsJson<JudgementView>()!);
        Assert.Equal((once.Answer, once.Note, once.Version, once.LastChangedAt), (twice.Answer, twice.Note, twice.Version, twice.LastChangedAt));
        Assert.Equal(once.Reasons, twice.Reasons);
        Assert.Equal((Answer.Sufficient, 3), (moderatedAgain.ReadAsJson<JudgementView>()!.Answer, moderatedAgain.ReadAsJson<JudgementView>()!.Version));
        var events = await app.Host.Events(id);
        Assert.Single(events, e => e.Data is JudgementRevised);
        Assert.Single(events, e => e.Data is JudgementModerated);
    }

    public static TheoryData<string, object> NotTheSameChange => new()
    {
        { "another note", new { answer = "insufficient", reasons = new[] { "not-completed" }, note = "checked once more", expectedVersion = 1 } },
        { "another answer", new { answer = "sufficient", note = "checked again", expectedVersion = 1 } },
    };

    [Theory]
    [MemberData(nameof(NotTheSameChange))]
    public async Task Another_change_from_the_old_version_is_still_a_conflict(string _, object other)
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var judgement = await app.Host.GivenJudgement(id, cases[0].Id);
        var revisions = $"/inspections/{id}/judgements/{judgement.Id}/revisions";
        await app.Host.Scenario(s => { s.AsInspector().Post.Json(Revision).ToUrl(revisions); s.StatusCodeShouldBeOk(); });

        await app.Host.Scenario(s => { s.AsInspector().Post.Json(other).ToUrl(revisions); s.StatusCodeShouldBe(409); });
    }

    [Fact]
    public async Task The_same_change_from_someone_else_is_still_a_conflict()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork();
        var judgement = await app.Host.GivenJudgement(id, cases[0].Id);
        var revisions = $"/inspections/{id}/judgements/{judgement.Id}/revisions";
        await app.Host.Scenario(s => { s.AsInspector().Post.Json(Revision).ToUrl(revisions); s.StatusCodeShouldBeOk(); });

        await app.Host.Scenario(s => { s.AsLead().Post.Json(Revision).ToUrl(revisions); s.StatusCodeShouldBe(409); });
        Assert.Single(await app.Host.Events(id), e => e.Data is JudgementRevised);
    }
}
