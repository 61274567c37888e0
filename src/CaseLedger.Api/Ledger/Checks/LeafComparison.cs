using CaseLedger.Api.Ledger.Sealing;

namespace CaseLedger.Api.Ledger.Checks;

/// <summary>
/// Stored rows against sealed leaves, event by event: each row's leaf, recomputed from its columns, must
/// equal the hash it was sealed with, at the place it was sealed; a row the sealer should already have seen but
/// has no leaf was inserted afterwards; a leaf whose row is gone was deleted.
/// </summary>
/// <remarks>
/// Rows are given one at a time as they are read, in sequence order, and walked beside the leaves in the same
/// order, so a check holds the sealed leaves and no row: an inspection's rows and their leaves' bytes, held until the
/// last was read, outlived young collections and made each of them copy some thousands of objects.
/// </remarks>
public sealed class LeafComparison
{
    private readonly IReadOnlyList<SealedLeafRows.SealedLeaf> leaves;
    private readonly long lastSealedSequence;
    private int next;
    private long lastRow = long.MinValue;

    /// <param name="leaves">The sealed leaves the rows are held against; sorted here by sequence unless they are
    /// already (an edited ledger may have sealed leaves out of their events' order).</param>
    /// <param name="lastSealedSequence">The sequence the sealer has reached: a row up to it without a leaf was inserted.</param>
    public LeafComparison(IReadOnlyList<SealedLeafRows.SealedLeaf> leaves, long lastSealedSequence)
    {
        this.leaves = InSequenceOrder(leaves) ? leaves : [.. leaves.OrderBy(leaf => leaf.Sequence)];
        this.lastSealedSequence = lastSealedSequence;
    }

    public int Checked { get; private set; }

    public int NotSealedYet { get; private set; }

    public List<LedgerMismatch> Mismatches { get; } = [];

    /// <summary>Holds the next row against its leaf.</summary>
    /// <returns>The row's leaf hash, recomputed from its columns, so a caller rebuilding the tree hashes every row once.</returns>
    public byte[] Row(StoredRows.StoredLeafHash row)
    {
        if (row.Sequence <= lastRow)
            throw new ArgumentException($"Rows come in sequence order: {row.Sequence} after {lastRow}.", nameof(row));
        lastRow = row.Sequence;
        while (next < leaves.Count && leaves[next].Sequence < row.Sequence) Deleted(leaves[next++]);

        var hash = row.Hash;
        if (row.Fault is { } fault)
            Mismatches.Add(new(row.Sequence, row.StreamId, row.Version, "changed", "a row whose columns give its leaf", fault));
        if (next == leaves.Count || leaves[next].Sequence != row.Sequence)
        {
            if (row.Sequence <= lastSealedSequence)
                Mismatches.Add(new(row.Sequence, row.StreamId, row.Version, "inserted",
                    "every event before the log's end sealed", "a row the sealer never saw"));
            else NotSealedYet++;
            return hash;
        }

        var leaf = leaves[next++];
        Checked++;
        if (leaf.StreamId != row.StreamId || leaf.Version != row.Version)
            Mismatches.Add(new(row.Sequence, row.StreamId, row.Version, "moved",
                $"stream {leaf.StreamId} version {leaf.Version}", $"stream {row.StreamId} version {row.Version}"));
        if (row.Fault is null && !hash.AsSpan().SequenceEqual(leaf.Hash))
            Mismatches.Add(new(row.Sequence, row.StreamId, row.Version, "changed",
                $"leaf {leaf.LeafIndex} sealed as {leaf.LeafHash}", $"the row now hashes to {Convert.ToBase64String(hash)}"));
        return hash;
    }

    /// <summary>Once every row has been given: the leaves no row came for were deleted.</summary>
    public void Finish()
    {
        while (next < leaves.Count) Deleted(leaves[next++]);
    }

    private void Deleted(SealedLeafRows.SealedLeaf leaf) =>
        Mismatches.Add(new(leaf.Sequence, leaf.StreamId, leaf.Version, "deleted", $"the event sealed at leaf {leaf.LeafIndex}", "no row"));

    private static bool InSequenceOrder(IReadOnlyList<SealedLeafRows.SealedLeaf> leaves)
    {
        for (var i = 1; i < leaves.Count; i++)
            if (leaves[i].Sequence < leaves[i - 1].Sequence) return false;
        return true;
    }
}
