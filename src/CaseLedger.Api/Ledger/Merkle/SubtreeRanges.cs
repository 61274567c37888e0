using System.Numerics;

namespace CaseLedger.Api.Ledger.Merkle;

/// <summary>A run of leaves [Start, End) whose Merkle Tree Hash is one element of a proof.</summary>
internal readonly record struct LeafRange(long Start, long End);

/// <summary>
/// The arithmetic shared by roots, frontiers and proofs: which leaf ranges RFC 9162's recursions ask for, and which
/// complete subtrees make up each range. Keeping the recursion over sizes (not over leaves) is what lets a store
/// fetch only O(log n) nodes.
/// </summary>
internal static class SubtreeRanges
{
    /// <summary>
    /// The complete subtrees that make up [start, end), largest (leftmost) first. Every range RFC 9162's MTH
    /// recursion produces starts on a multiple of a power of two at least as large as itself, so this is the binary
    /// decomposition of its length: one node per set bit. For [0, size) these are the right edge of the tree, the
    /// "frontier" the appender carries.
    /// </summary>
    public static List<NodeId> CompleteSubtrees(long start, long end)
    {
        var nodes = new List<NodeId>(BitOperations.PopCount((ulong)(end - start)));
        while (start < end)
        {
            var level = BitOperations.Log2((ulong)(end - start));
            nodes.Add(new NodeId(level, start >> level));
            start += 1L << level;
        }
        return nodes;
    }

    /// <summary>
    /// MTH of the range the hashes cover, from its complete subtrees (left to right). MTH splits a non-power-of-two
    /// run at the largest power of two below its length, which is the leftmost complete subtree; so the hash is the
    /// subtrees folded from the right: H(s0, H(s1, ... H(s[k-2], s[k-1]))).
    /// </summary>
    public static byte[] FoldFromRight(IReadOnlyList<byte[]> subtreeHashes)
    {
        var hash = subtreeHashes[^1];
        for (var i = subtreeHashes.Count - 2; i >= 0; i--)
            hash = MerkleHash.Node(subtreeHashes[i], hash);
        return hash;
    }

    /// <summary>The ranges of PATH(m, D[n]) (RFC 9162 §2.1.3.1), in the order the audit path lists them.</summary>
    public static List<LeafRange> InclusionPath(long leafIndex, long treeSize)
    {
        // PATH appends its sibling after recursing, so walking down from the root yields the path top first.
        var fromTop = new List<LeafRange>();
        long start = 0, end = treeSize;
        while (end - start > 1)
        {
            var split = start + LargestPowerOfTwoBelow(end - start);
            if (leafIndex < split)
            {
                fromTop.Add(new LeafRange(split, end));
                end = split;
            }
            else
            {
                fromTop.Add(new LeafRange(start, split));
                start = split;
            }
        }
        fromTop.Reverse();
        return fromTop;
    }

    /// <summary>The ranges of PROOF(m, D[n]) = SUBPROOF(m, D[n], true) (RFC 9162 §2.1.4.1), in proof order.</summary>
    public static List<LeafRange> ConsistencyProof(long first, long second)
    {
        var fromTop = new List<LeafRange>();
        long start = 0, end = second;
        var wholeTreeKnown = true; // SUBPROOF's b: whether the subtree [0, first) is the old tree's root itself.
        while (end != first)
        {
            var split = start + LargestPowerOfTwoBelow(end - start);
            if (first <= split)
            {
                fromTop.Add(new LeafRange(split, end));
                end = split;
            }
            else
            {
                fromTop.Add(new LeafRange(start, split));
                start = split;
                wholeTreeKnown = false;
            }
        }
        // SUBPROOF(m, D[m], false) = {MTH(D[m])}: the old tree's piece the verifier cannot know from its root alone.
        if (!wholeTreeKnown) fromTop.Add(new LeafRange(start, end));
        fromTop.Reverse();
        return fromTop;
    }

    /// <summary>The k of RFC 9162's recursions: the largest power of two smaller than n (n ≥ 2).</summary>
    private static long LargestPowerOfTwoBelow(long n) => 1L << BitOperations.Log2((ulong)(n - 1));
}
