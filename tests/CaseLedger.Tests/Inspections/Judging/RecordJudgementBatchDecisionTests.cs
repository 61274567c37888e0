using CaseLedger.Api.Inspections.Judging;
using static CaseLedger.Tests.Inspections.InMemory;

namespace CaseLedger.Tests.Inspections.Judging;

/// <summary>Recording a batch, decided without a host.</summary>
public sealed class RecordJudgementBatchDecisionTests
{
    private static JudgementInput Item(string question, Guid? id = null) => new(id, CommunityCase.Id, question, "sufficient", null, null);

    private static readonly Dictionary<Guid, CurrentJudgement> NoneStored = [];

    [Fact]
    public void New_items_are_appended_together_and_repeats_are_only_answered()
    {
        var header = Header();
        var repeatId = Guid.NewGuid();
        var stored = RecordJudgementEndpoint.Decide(ContextOf(header), Item("1.1.b", repeatId), repeatId, null, Now).State!;
        JudgementInput[] items = [Item("1.1.a"), Item("1.1.b", repeatId), Item("1.1.c")];
        Guid[] ids = [Guid.NewGuid(), repeatId, Guid.NewGuid()];

        var decision = RecordJudgementBatchEndpoint.Decide(ContextOf(header), items, ids, new Dictionary<Guid, CurrentJudgement> { [repeatId] = stored }, Now);

        Assert.Equal([ids[0], ids[2]], decision.Events.Cast<JudgementRecorded>().Select(e => e.JudgementId));
        Assert.Equal(2, decision.Writes.Count);
        Assert.True(decision.RequiresStillWritable);
        Assert.Equal((2, 1), (decision.State!.Recorded, decision.State.Repeated));
        Assert.Equal(ids, decision.State.Judgements.Select(view => view.Id));
    }

    [Fact]
    public void A_batch_of_repeats_appends_nothing()
    {
        var header = Header();
        var id = Guid.NewGuid();
        var stored = RecordJudgementEndpoint.Decide(ContextOf(header), Item("1.1.a", id), id, null, Now).State!;

        var decision = RecordJudgementBatchEndpoint.Decide(ContextOf(header), [Item("1.1.a", id)], [id],
            new Dictionary<Guid, CurrentJudgement> { [id] = stored }, Now);

        Assert.False(decision.Changes);
        Assert.Equal(1, decision.State!.Repeated);
    }

    [Fact]
    public void One_bad_item_refuses_the_batch_and_is_named() =>
        AssertRefused(RecordJudgementBatchEndpoint.Decide(ContextOf(Header()),
            [Item("1.1.a"), Item("1.1.b") with { Answer = "maybe" }], [Guid.NewGuid(), Guid.NewGuid()], NoneStored, Now),
            400, "judgements[1].answer");

    [Fact]
    public void An_id_given_twice_is_refused_by_item()
    {
        var id = Guid.NewGuid();

        AssertRefused(RecordJudgementBatchEndpoint.Decide(ContextOf(Header()), [Item("1.1.a", id), Item("1.1.b", id)], [id, id], NoneStored, Now),
            400, "judgements[1].id");
    }

    [Fact]
    public void An_item_refused_for_what_it_names_refuses_the_batch_with_its_status_and_place()
    {
        var decision = RecordJudgementBatchEndpoint.Decide(ContextOf(Header()),
            [Item("1.1.a"), Item("1.1.b") with { CaseId = Guid.NewGuid() }], [Guid.NewGuid(), Guid.NewGuid()], NoneStored, Now);

        AssertRefused(decision, 404);
        Assert.Equal("At judgements[1].", decision.Rejection!.Detail);
    }

    [Fact]
    public void A_published_inspection_records_no_batch() =>
        AssertRefused(RecordJudgementBatchEndpoint.Decide(ContextOf(Published()), [Item("1.1.a")], [Guid.NewGuid()], NoneStored, Now), 409);

    [Fact]
    public void Two_new_items_may_not_answer_one_case_and_question() =>
        AssertRefused(RecordJudgementBatchEndpoint.Decide(ContextOf(Header()),
            [Item("1.1.a"), Item("1.1.a")], [Guid.NewGuid(), Guid.NewGuid()], NoneStored, Now), 409);

    [Fact]
    public void Two_new_items_answering_one_case_and_question_are_named_by_their_place_in_the_batch()
    {
        var header = Header();
        var repeatId = Guid.NewGuid();
        var stored = RecordJudgementEndpoint.Decide(ContextOf(header), Item("1.1.b", repeatId), repeatId, null, Now).State!;
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), repeatId];

        var decision = RecordJudgementBatchEndpoint.Decide(ContextOf(header), [Item("1.1.a"), Item("1.1.a"), Item("1.1.b", repeatId)], ids,
            new Dictionary<Guid, CurrentJudgement> { [repeatId] = stored }, Now);

        AssertRefused(decision, 409);
        Assert.StartsWith("At judgements[1]", decision.Rejection!.Detail);
    }

    [Fact]
    public void A_batch_must_have_a_body_and_no_null_items()
    {
        Assert.True(RecordJudgementBatchEndpoint.Validate(null)!.Errors!.ContainsKey("body"));
        var withNull = RecordJudgementBatchEndpoint.Validate(new([Item("1.1.a"), null!]));
        Assert.Equal(400, withNull!.Status);
        Assert.True(withNull.Errors!.ContainsKey("judgements"));
        Assert.Null(RecordJudgementBatchEndpoint.Validate(new([Item("1.1.a")])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(RecordJudgementBatchEndpoint.MaxItems + 1)]
    public void A_batch_holds_between_one_and_the_most_items(int count)
    {
        var rejection = RecordJudgementBatchEndpoint.Validate(new([.. Enumerable.Repeat(Item("1.1.a"), count)]));

        Assert.Equal(400, rejection!.Status);
        Assert.True(rejection.Errors!.ContainsKey("judgements"));
    }
}
