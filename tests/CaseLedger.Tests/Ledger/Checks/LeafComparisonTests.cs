using System.Text;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Ledger.Checks;
using CaseLedger.Api.Ledger.Merkle;
using CaseLedger.Api.Ledger.Sealing;

namespace CaseLedger.Tests.Ledger.Checks;

/// <summary>Rows walked beside sealed leaves in sequence order: what each kind of edit looks like, whatever order
/// the leaves were sealed in.</summary>
public class LeafComparisonTests
{
    private static readonly Guid Stream = Guid.Parse("6f1c9a52-1b0e-4f7e-9d0a-3c2b1a000001");

    private static StoredRows.StoredLeafHash Row(long sequence, string leaf = "leaf") =>
        new(sequence, Stream, sequence, MerkleHash.Leaf(Encoding.UTF8.GetBytes($"{leaf} {sequence}")));

    private static SealedLeafRows.SealedLeaf Sealed(long index, long sequence, string leaf = "leaf") =>
        new(index, sequence, Stream, sequence, MerkleHash.Leaf(Encoding.UTF8.GetBytes($"{leaf} {sequence}")));

    [Fact]
    public void Rows_that_match_their_leaves_are_all_checked_and_later_rows_are_not_sealed_yet()
    {
        var comparison = new LeafComparison([Sealed(0, 1), Sealed(1, 2), Sealed(2, 4)], lastSealedSequence: 4);
        foreach (var row in new[] { Row(1), Row(2), Row(4), Row(5), Row(7) }) comparison.Row(row);
        comparison.Finish();

        Assert.Equal((3, 2), (comparison.Checked, comparison.NotSealedYet));
        Assert.Empty(comparison.Mismatches);
    }

    [Fact]
    public void Each_edit_is_named_at_its_sequence_even_with_leaves_sealed_out_of_order()
    {
        // Leaves by index: sequences 6, 1, 3, 5; the rows: 1 changed, 2 inserted, 3 deleted, 5 moved, 6 as sealed.
        var comparison = new LeafComparison(
            [Sealed(0, 6), Sealed(1, 1), Sealed(2, 3), Sealed(3, 5) with { Version = 9 }], lastSealedSequence: 6);
        var rows = new[] { Row(1, "edited"), Row(2), Row(5), Row(6) };
        var hashes = rows.Select(comparison.Row).ToList();
        comparison.Finish();

        Assert.Equal(
            [(1L, "changed"), (2L, "inserted"), (3L, "deleted"), (5L, "moved")],
            comparison.Mismatches.Select(mismatch => (mismatch.Sequence!.Value, mismatch.What)).OrderBy(m => m.Item1));
        Assert.Equal(3, comparison.Checked);
        Assert.Equal(rows[0].Hash, hashes[0]);
    }

    [Fact]
    public void Rows_out_of_sequence_order_are_refused()
    {
        var comparison = new LeafComparison([], lastSealedSequence: 0);
        comparison.Row(Row(2));
        Assert.Throws<ArgumentException>(() => comparison.Row(Row(1)));
    }
}
