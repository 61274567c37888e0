namespace CaseLedger.Api.Ledger.Merkle;

/// <summary>
/// Roots, audit paths and consistency proofs for a tree of any past size, in two phases so a store answers each in
/// one batched lookup: first ask which complete subtrees are needed (O(log n) of them, never a scan of leaves), fetch
/// exactly those, then build the proof from what was fetched. Hashes of incomplete right edges are computed here from
/// complete subtrees, which is why a store never needs to keep them.
/// </summary>
public static class MerkleProofs
{
    /// <summary>
    /// The complete subtrees whose hashes make up the root of a tree of <paramref name="treeSize"/> leaves, largest
    /// first: one per set bit of the size. The same list, in the same order, is the appender's frontier at that size.
    /// An empty tree needs none: its root is <see cref="MerkleHash.EmptyTree"/>.
    /// </summary>
    public static IReadOnlyList<NodeId> RootNodes(long treeSize)
    {
        RequireSize(treeSize, allowEmpty: true);
        return SubtreeRanges.CompleteSubtrees(0, treeSize);
    }

    /// <summary>MTH(D[0:treeSize]) from the nodes <see cref="RootNodes"/> named.</summary>
    public static byte[] Root(long treeSize, IReadOnlyDictionary<NodeId, byte[]> lookup)
    {
        var nodes = RootNodes(treeSize);
        return nodes.Count == 0 ? MerkleHash.EmptyTree() : SubtreeRanges.FoldFromRight(Fetch(nodes, lookup));
    }

    /// <summary>The complete subtrees an audit path for <paramref name="leafIndex"/> in a tree of
    /// <paramref name="treeSize"/> leaves is built from.</summary>
    public static IReadOnlySet<NodeId> NodesForInclusion(long leafIndex, long treeSize) =>
        Needed(InclusionRanges(leafIndex, treeSize));

    /// <summary>PATH(leafIndex, D[treeSize]) of RFC 9162 §2.1.3.1, from the nodes <see cref="NodesForInclusion"/> named.</summary>
    public static IReadOnlyList<byte[]> Inclusion(long leafIndex, long treeSize, IReadOnlyDictionary<NodeId, byte[]> lookup) =>
        Build(InclusionRanges(leafIndex, treeSize), lookup);

    /// <summary>The complete subtrees a consistency proof from <paramref name="first"/> to <paramref name="second"/>
    /// leaves is built from.</summary>
    public static IReadOnlySet<NodeId> NodesForConsistency(long first, long second) =>
        Needed(ConsistencyRanges(first, second));

    /// <summary>
    /// PROOF(first, D[second]) of RFC 9162 §2.1.4.1, from the nodes <see cref="NodesForConsistency"/> named.
    /// Equal sizes give the empty proof: a tree is consistent with itself when the two roots are equal.
    /// </summary>
    public static IReadOnlyList<byte[]> Consistency(long first, long second, IReadOnlyDictionary<NodeId, byte[]> lookup) =>
        Build(ConsistencyRanges(first, second), lookup);

    private static HashSet<NodeId> Needed(List<LeafRange> ranges) =>
        ranges.SelectMany(range => SubtreeRanges.CompleteSubtrees(range.Start, range.End)).ToHashSet();

    private static List<byte[]> Build(List<LeafRange> ranges, IReadOnlyDictionary<NodeId, byte[]> lookup) =>
        ranges.Select(range => SubtreeRanges.FoldFromRight(Fetch(SubtreeRanges.CompleteSubtrees(range.Start, range.End), lookup))).ToList();

    // A missing node is the store's fault, not the caller's: it is not an argument error, so not a 400.
    private static List<byte[]> Fetch(IEnumerable<NodeId> nodes, IReadOnlyDictionary<NodeId, byte[]> lookup) =>
        nodes.Select(node => lookup.TryGetValue(node, out var hash)
            ? hash
            : throw new InvalidOperationException($"The Merkle node {node} was needed but not found; was it fetched and stored?")).ToList();

    private static void RequireSize(long treeSize, bool allowEmpty)
    {
        if (treeSize < 0 || (treeSize == 0 && !allowEmpty))
            throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize,
                allowEmpty ? "A tree size cannot be negative." : "A tree size must be at least 1: the empty tree has no leaves to prove.");
    }

    private static List<LeafRange> InclusionRanges(long leafIndex, long treeSize)
    {
        RequireSize(treeSize, allowEmpty: false);
        if (leafIndex < 0 || leafIndex >= treeSize)
            throw new ArgumentOutOfRangeException(nameof(leafIndex), leafIndex,
                $"A leaf index must be from 0 to {treeSize - 1} in a tree of {treeSize} leaves.");
        return SubtreeRanges.InclusionPath(leafIndex, treeSize);
    }

    private static List<LeafRange> ConsistencyRanges(long first, long second)
    {
        if (first < 1)
            throw new ArgumentOutOfRangeException(nameof(first), first,
                "The first tree size must be at least 1: every tree is consistent with the empty one, so RFC 9162 defines no proof for it.");
        if (first > second)
            throw new ArgumentOutOfRangeException(nameof(second), second,
                $"The second tree size must be at least the first ({first}): a log only grows.");
        return SubtreeRanges.ConsistencyProof(first, second);
    }
}
