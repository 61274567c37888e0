using CaseLedger.Api.QualityAssurance;

namespace CaseLedger.Tests.QualityAssurance;

public sealed class QaDrawTests
{
    [Theory]
    [InlineData(12, null, null, 5)]
    [InlineData(3, null, null, 3)]
    [InlineData(12, 4, null, 4)]
    [InlineData(10, null, "0.25", 3)]
    [InlineData(10, 2, "0.25", 3)]
    [InlineData(10, 5, "0.25", 5)]
    [InlineData(10, 40, null, 10)]
    [InlineData(7, null, "0.01", 1)]
    public void The_size_is_the_larger_of_the_count_and_the_share_rounded_up_and_never_more_than_there_are(
        int available, int? perInspector, string? share, int expected) =>
        Assert.Equal(expected, QaDraw.Size(available, perInspector, share is null ? null : decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_rank_is_sha256_of_the_seed_and_the_id_so_any_language_can_redraw_it()
    {
        var id = Guid.Parse("8a6e0804-2bd0-4672-b79d-d97027f9071a");
        // printf '%s' '42:8a6e0804-2bd0-4672-b79d-d97027f9071a' | sha256sum
        Assert.Equal("888d64b83acb45836b6f7a1f91229a2507f60717e9d0453a0547200a6333ba0b", Convert.ToHexStringLower(QaDraw.Rank(42, id)));
    }

    [Fact]
    public void Each_inspector_gets_their_own_share_and_the_order_does_not_depend_on_how_the_candidates_came()
    {
        var candidates = Enumerable.Range(0, 30).Select(i => new QaDraw.Candidate(Guid.NewGuid(), i % 3 == 0 ? "b" : "a")).ToList();
        var drawn = QaDraw.Draw(99, candidates, 4, null);
        var shuffled = QaDraw.Draw(99, candidates.AsEnumerable().Reverse(), 4, null);

        Assert.Equal(drawn, shuffled);
        Assert.Equal(["a", "a", "a", "a", "b", "b", "b", "b"], drawn.Select(candidate => candidate.Inspector));
        Assert.NotEqual(drawn, QaDraw.Draw(100, candidates, 4, null));
    }
}
