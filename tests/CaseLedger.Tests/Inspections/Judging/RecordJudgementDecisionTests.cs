using CaseLedger.Api.Inspections.Judging;
using static CaseLedger.Tests.Inspections.InMemory;

namespace CaseLedger.Tests.Inspections.Judging;

/// <summary>Recording one judgement, decided without a host.</summary>
public sealed class RecordJudgementDecisionTests
{
    private static readonly Guid JudgementId = Guid.Parse("6a0c8f5e-0000-4000-8000-0000000000ee");

    private static JudgementInput Input(string question = "1.1.a", string answer = "insufficient", IReadOnlyList<string>? reasons = null) =>
        new(JudgementId, CommunityCase.Id, question, answer, reasons ?? ["not-completed"], "  ");

    [Fact]
    public void A_new_judgement_is_recorded_in_the_open_week_and_guarded_at_commit()
    {
        var header = Header(openWeek: 2);

        var decision = RecordJudgementEndpoint.Decide(ContextOf(header), Input(), JudgementId, sameId: null, Now);

        Assert.Equivalent(new JudgementRecorded(JudgementId, CommunityCase.Id, "1.1.a", Answer.Insufficient, ["not-completed"], null),
            Assert.Single(decision.Events), strict: true);
        Assert.Equal(2, decision.Week);
        Assert.True(decision.RequiresStillWritable);
        var judgement = Assert.IsType<CurrentJudgement>(Assert.Single(decision.Writes).Document);
        Assert.Equal((1, Inspector.UserId, Now, 2), (judgement.Version, judgement.RecordedBy, judgement.LastChangedAt, judgement.Week));
    }

    [Fact]
    public void The_same_judgement_again_under_its_id_is_a_retry_that_appends_nothing()
    {
        var header = Header();
        var first = RecordJudgementEndpoint.Decide(ContextOf(header), Input(), JudgementId, null, Now).State!;

        var decision = RecordJudgementEndpoint.Decide(ContextOf(header), Input(), JudgementId, first, Now.AddMinutes(1));

        Assert.Null(decision.Rejection);
        Assert.False(decision.Changes);
        Assert.Same(first, decision.State);
    }

    [Fact]
    public void Different_content_under_a_recorded_id_is_a_conflict_that_shows_the_existing()
    {
        var header = Header();
        var first = RecordJudgementEndpoint.Decide(ContextOf(header), Input(), JudgementId, null, Now).State!;

        var decision = RecordJudgementEndpoint.Decide(ContextOf(header), Input(answer: "sufficient", reasons: []), JudgementId, first, Now);

        AssertRefused(decision, 409);
        Assert.Equal(JudgementView.From(first), decision.Rejection!.Extensions!["existing"]);
    }

    [Fact]
    public void The_id_of_a_judgement_in_another_inspection_is_a_conflict_that_shows_nothing_of_it()
    {
        var elsewhere = Judgement(Header()) with { Id = JudgementId, InspectionId = Guid.NewGuid() };

        var decision = RecordJudgementEndpoint.Decide(ContextOf(Header()), Input(), JudgementId, elsewhere, Now);

        AssertRefused(decision, 409);
        Assert.Null(decision.Rejection!.Extensions!["existing"]);
    }

    [Fact]
    public void Without_an_open_week_nothing_is_recorded() =>
        AssertRefused(RecordJudgementEndpoint.Decide(ContextOf(Header(openWeek: null)), Input(), JudgementId, null, Now), 409);

    [Fact]
    public void A_published_inspection_records_nothing() =>
        AssertRefused(RecordJudgementEndpoint.Decide(ContextOf(Published()), Input(), JudgementId, null, Now), 409);

    [Fact]
    public void A_case_not_in_the_sample_is_not_found() =>
        AssertRefused(RecordJudgementEndpoint.Decide(ContextOf(Header()), Input() with { CaseId = Guid.NewGuid() }, JudgementId, null, Now), 404);

    [Fact]
    public void A_question_not_in_the_framework_is_a_conflict() =>
        AssertRefused(RecordJudgementEndpoint.Decide(ContextOf(Header()), Input(question: "9.9.z"), JudgementId, null, Now), 409);

    [Fact]
    public void A_question_that_does_not_apply_to_the_case_is_a_conflict() =>
        AssertRefused(RecordJudgementEndpoint.Decide(ContextOf(Header()), Input(question: "2.1.b"), JudgementId, null, Now), 409);

    [Theory]
    [InlineData("no-case", "caseId")]
    [InlineData("no-question", "questionId")]
    [InlineData("long-question", "questionId")]
    [InlineData("unknown-answer", "answer")]
    [InlineData("reasons-with-sufficient", "reasons")]
    [InlineData("unknown-reason", "reasons")]
    [InlineData("long-note", "note")]
    [InlineData("control-character-in-note", "note")]
    public void Bad_fields_are_refused_by_name_with_the_batch_prefix(string what, string field)
    {
        var input = what switch
        {
            "no-case" => Input() with { CaseId = null },
            "no-question" => Input() with { QuestionId = " " },
            "long-question" => Input(question: new string('q', 41)),
            "unknown-answer" => Input(answer: "maybe"),
            "reasons-with-sufficient" => Input(answer: "sufficient"),
            "unknown-reason" => Input(reasons: ["felt-like-it"]),
            "long-note" => Input() with { Note = new string('n', Answers.MaxNote + 1) },
            "control-character-in-note" => Input() with { Note = "bell \u0007" },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        AssertRefused(RecordJudgementEndpoint.Decide(ContextOf(Header()), input, JudgementId, null, Now, "judgements[3]."), 400, $"judgements[3].{field}");
    }
}
