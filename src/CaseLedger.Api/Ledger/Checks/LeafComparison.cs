using CaseLedger.Api.Ledger.Merkle;
using CaseLedger.Api.Ledger.Sealing;

namespace CaseLedger.Api.Ledger.Checks;

/// <summary>
/// Stored rows against sealed leaves, event by event: each row's leaf, recomputed from its columns, must
/// equal the hash it was sealed with, at the place it was sealed; a row the sealer should already have seen but
/// has no leaf was inserted afterwards; a leaf whose row is gone was deleted.
/// </summary>
public static class LeafComparison
{
    /// <summary>Also gives each row's recomputed leaf hash by sequence, so a caller rebuilding the tree hashes
    /// every row once.</summary>
    public static (int Checked, int NotSealedYet, List<LedgerMismatch> Mismatches, Dictionary<long, byte[]> Recomputed) Compare(
        IReadOnlyList<StoredRows.StoredLeaf> rows, IReadOnlyList<SealedLeafRows.SealedLeaf> leaves, long lastSealedSequence)
    {
        var bySequence = leaves.ToDictionary(leaf => leaf.Sequence);
        var mismatches = new List<LedgerMismatch>();
        var recomputedHashes = new Dictionary<long, byte[]>(rows.Count);
        var (checkedCount, notSealed) = (0, 0);
        foreach (var row in rows)
        {
            if (!bySequence.TryGetValue(row.Sequence, out var leaf))
            {
                if (row.Sequence <= lastSealedSequence)
                    mismatches.Add(new(row.Sequence, row.StreamId, row.Version, "inserted",
                        "every event before the log's end sealed", "a row the sealer never saw"));
                else notSealed++;
                continue;
            }
            checkedCount++;
            if (leaf.StreamId != row.StreamId || leaf.Version != row.Version)
                mismatches.Add(new(row.Sequence, row.StreamId, row.Version, "moved",
                    $"stream {leaf.StreamId} version {leaf.Version}", $"stream {row.StreamId} version {row.Version}"));
            var hash = recomputedHashes[row.Sequence] = MerkleHash.Leaf(row.Leaf);
            var recomputed = Convert.ToBase64String(hash);
            if (recomputed != leaf.LeafHash)
                mismatches.Add(new(row.Sequence, row.StreamId, row.Version, "changed",
                    $"leaf {leaf.LeafIndex} sealed as {leaf.LeafHash}", $"the row now hashes to {recomputed}"));
        }
        var present = rows.Select(row => row.Sequence).ToHashSet();
        foreach (var leaf in leaves.Where(leaf => !present.Contains(leaf.Sequence)))
            mismatches.Add(new(leaf.Sequence, leaf.StreamId, leaf.Version, "deleted", $"the event sealed at leaf {leaf.LeafIndex}", "no row"));
        return (checkedCount, notSealed, mismatches, recomputedHashes);
    }
}
