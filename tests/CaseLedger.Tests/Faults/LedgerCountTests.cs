using CaseLedger.Client;
using CaseLedger.Faults.Load;

namespace CaseLedger.Tests.Faults;

/// <summary>What ops/faults calls lost and doubled, on counts given by hand: each row makes the one change the
/// count must notice.</summary>
public sealed class LedgerCountTests
{
    private static readonly PreparedRequest Request = new(HttpMethod.Post, "/", "", null, 201);
    private static readonly Guid First = Guid.NewGuid(), Second = Guid.NewGuid(), InBatch = Guid.NewGuid(), AlsoInBatch = Guid.NewGuid();

    private static readonly PlannedWrite Judgement = new(0, WriteKind.Judgement, Request, [First], null, null);
    private static readonly PlannedWrite Batch = new(1, WriteKind.Batch, Request, [InBatch, AlsoInBatch], null, null);
    private static readonly PlannedWrite Revision = new(2, WriteKind.Revision, Request, [First], "revision 2", 0);
    private static readonly PlannedWrite Moderation = new(3, WriteKind.Moderation, Request, [Second], "moderation 3", null);

    private static IReadOnlyCollection<WriteOutcome> AllAcknowledged =>
        [.. new[] { Judgement, Batch, Revision, Moderation }.Select(w => new WriteOutcome(w, true, 201, TimeSpan.Zero))];

    private static Dictionary<string, int> Recorded(int first = 1, int inBatch = 1, int alsoInBatch = 1) =>
        new() { [First.ToString()] = first, [InBatch.ToString()] = inBatch, [AlsoInBatch.ToString()] = alsoInBatch };

    private static Dictionary<string, int> Texts(string text, int times) => new() { [text] = times };

    [Fact]
    public void Every_write_found_once_is_present_and_neither_lost_nor_doubled()
    {
        var count = LedgerCount.From(AllAcknowledged, Recorded(), Texts("revision 2", 1), Texts("moderation 3", 1));

        Assert.Equal(new LedgerCount(4, 4, 4, 0, 0, 0), count);
    }

    [Theory]
    [InlineData(0, 1, 1, 1, 1, 1, 0)] // the judgement is missing
    [InlineData(1, 1, 0, 1, 1, 1, 0)] // one item of the batch is missing: the batch is not present
    [InlineData(1, 1, 1, 0, 1, 1, 0)] // the revision is missing
    [InlineData(1, 1, 1, 1, 0, 1, 0)] // the moderation is missing
    [InlineData(2, 1, 1, 1, 1, 0, 1)] // the judgement is recorded twice
    [InlineData(1, 2, 1, 1, 1, 0, 1)] // a batch item is recorded twice
    [InlineData(1, 1, 1, 2, 1, 0, 1)] // the revision is appended twice
    public void An_acknowledged_write_missing_is_lost_and_one_found_twice_is_doubled(
        int first, int inBatch, int alsoInBatch, int revisions, int moderations, int lost, int doubled)
    {
        var count = LedgerCount.From(AllAcknowledged, Recorded(first, inBatch, alsoInBatch),
            Texts("revision 2", revisions), Texts("moderation 3", moderations));

        Assert.Equal((lost, doubled), (count.Lost, count.Doubled));
    }

    [Fact]
    public void A_write_never_answered_is_not_lost_and_is_noticed_when_present_all_the_same()
    {
        IReadOnlyCollection<WriteOutcome> outcomes =
        [
            new(Judgement, false, null, TimeSpan.Zero),
            new(Revision, false, null, TimeSpan.Zero, Skipped: true),
        ];

        var count = LedgerCount.From(outcomes, Recorded(), Texts("none", 0), Texts("none", 0));

        Assert.Equal(new LedgerCount(Sent: 1, Acknowledged: 0, Present: 1, Lost: 0, Doubled: 0, PresentUnacknowledged: 1), count);
    }
}
