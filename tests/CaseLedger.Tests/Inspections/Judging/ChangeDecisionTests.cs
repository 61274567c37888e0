using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Moderating;
using CaseLedger.Api.Inspections.Writing;
using static CaseLedger.Tests.Inspections.InMemory;

namespace CaseLedger.Tests.Inspections.Judging;

/// <summary>
/// What revising and moderating share (<see cref="ChangeDecision"/>), decided without a host: every rule is checked
/// through both commands' own decisions, by the lead in an open week, where both kinds are allowed. What sets the
/// kinds apart is in <see cref="ReviseJudgementDecisionTests"/> and the moderation tests.
/// </summary>
public sealed class ChangeDecisionTests
{
    public static TheoryData<string> Kinds => ["revision", "moderation"];

    private static readonly InspectionHeader Open = Header(openWeek: 1);

    /// <summary>What the moderation must say for itself; a revision here says nothing beyond its answer.</summary>
    private static string? TextFor(string kind) => kind == "moderation" ? "file evidence" : null;

    private static Decision<CurrentJudgement> Decide(string kind, CurrentJudgement? current, ChangeDecision.Change? change, Guid? judgementId = null)
    {
        var id = judgementId ?? current?.Id ?? Guid.NewGuid();
        return kind == "revision"
            ? ReviseJudgementEndpoint.Decide(ContextOf(Open, Lead), id, current,
                change is null ? null : new ReviseJudgement(change.Answer, change.Reasons, change.Text, change.ExpectedVersion), Now)
            : ModerateJudgementEndpoint.Decide(ContextOf(Open, Lead), id, current,
                change is null ? null : new ModerateJudgement(change.Answer, change.Reasons, change.Text, change.ExpectedVersion), Now);
    }

    private static ChangeDecision.Change Change(string kind, string answer = "insufficient", int? expectedVersion = 1, IReadOnlyList<string>? reasons = null) =>
        new(answer, reasons, TextFor(kind), expectedVersion);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_change_at_the_seen_version_appends_its_event_and_stores_the_next_revision(string kind)
    {
        var current = Judgement(Open);

        var decision = Decide(kind, current, Change(kind, reasons: ["not-completed"]));

        Assert.Null(decision.Rejection);
        var change = Assert.IsAssignableFrom<IJudgementChange>(Assert.Single(decision.Events));
        Assert.Equal(kind == "revision" ? typeof(JudgementRevised) : typeof(JudgementModerated), change.GetType());
        Assert.Equal((current.Id, Answer.Sufficient, Answer.Insufficient, 2), (change.JudgementId, change.Previous, change.Answer, change.Version));
        Assert.Equal(["not-completed"], change.Reasons);
        Assert.Equal((2, Answer.Insufficient, Lead.UserId, Now, 1), (decision.State!.Version, decision.State.Answer, decision.State.LastChangedBy, decision.State.LastChangedAt, decision.Week));
        Assert.Same(decision.State, Assert.Single(decision.Writes).Document);
        Assert.True(decision.RequiresStillWritable);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_unknown_judgement_is_not_found(string kind) =>
        AssertRefused(Decide(kind, current: null, Change(kind), judgementId: Guid.NewGuid()), 404);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_judgement_of_another_inspection_is_not_found(string kind) =>
        AssertRefused(Decide(kind, Judgement(Open) with { InspectionId = Guid.NewGuid() }, Change(kind)), 404);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_missing_body_is_refused_once_the_judgement_is_found(string kind) =>
        AssertRefused(Decide(kind, Judgement(Open), change: null), 400, "body");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_unknown_answer_is_refused_by_field(string kind) =>
        AssertRefused(Decide(kind, Judgement(Open), Change(kind, answer: "perhaps")), 400, "answer");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_seen_version_is_required(string kind) =>
        AssertRefused(Decide(kind, Judgement(Open), Change(kind, expectedVersion: null)), 400, "expectedVersion");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Reasons_go_only_with_insufficient_and_only_the_question_s_codes(string kind)
    {
        AssertRefused(Decide(kind, Judgement(Open, Answer.Insufficient), Change(kind, answer: "sufficient", reasons: ["not-completed"])), 400, "reasons");
        AssertRefused(Decide(kind, Judgement(Open), Change(kind, reasons: ["felt-like-it"])), 400, "reasons");
    }

    [Theory]
    [InlineData("revision", "note")]
    [InlineData("moderation", "rationale")]
    public void What_the_change_says_for_itself_has_a_length_limit(string kind, string field) =>
        AssertRefused(Decide(kind, Judgement(Open), Change(kind) with { Text = new string('w', Answers.MaxNote + 1) }), 400, field);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_stale_version_is_a_conflict_that_shows_the_current_judgement(string kind)
    {
        var current = Judgement(Open);

        var decision = Decide(kind, current, Change(kind, expectedVersion: 7));

        AssertRefused(decision, 409);
        Assert.Equal(JudgementView.From(current), decision.Rejection!.Extensions!["current"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_change_that_leaves_the_judgement_as_it_is_is_a_conflict_that_shows_it(string kind)
    {
        var current = Judgement(Open);

        var decision = Decide(kind, current, Change(kind, answer: "sufficient"));

        AssertRefused(decision, 409);
        Assert.Equal(JudgementView.From(current), decision.Rejection!.Extensions!["current"]);
    }
}
