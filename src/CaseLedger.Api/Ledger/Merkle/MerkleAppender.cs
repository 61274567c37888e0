using System.Numerics;

namespace CaseLedger.Api.Ledger.Merkle;

/// <summary>What an append produced: the new size, the new frontier, and every subtree it completed.</summary>
/// <param name="Nodes">Each new complete subtree, level-0 leaves included, in the order they completed; a store
/// inserts them all and never updates one.</param>
public sealed record MerkleAppend(long Size, IReadOnlyList<byte[]> Frontier, IReadOnlyList<MerkleNode> Nodes);

/// <summary>
/// Grows the tree without reading it. All an append needs is the frontier: the hashes of the complete subtrees on
/// the tree's right edge, largest first, one per set bit of the size (the nodes <see cref="MerkleProofs.RootNodes"/>
/// names, so a store can rebuild it from stored nodes in one lookup). Each new leaf merges with equal-sized
/// subtrees at the edge like a carry in binary addition, so n leaves cost at most n node hashes.
/// </summary>
public static class MerkleAppender
{
    /// <summary>Appends <paramref name="leafHashes"/> (already hashed with <see cref="MerkleHash.Leaf"/>) to a tree
    /// of <paramref name="size"/> leaves whose right edge is <paramref name="frontier"/>.</summary>
    public static MerkleAppend Append(long size, IReadOnlyList<byte[]> frontier, IReadOnlyList<byte[]> leafHashes)
    {
        var edge = RequireFrontier(size, frontier);
        var nodes = new List<MerkleNode>(2 * leafHashes.Count);
        var next = size;
        foreach (var leafHash in leafHashes)
        {
            RequireHash(leafHash, nameof(leafHashes));
            var (level, hash) = (0, leafHash);
            nodes.Add(new MerkleNode(new NodeId(0, next), hash));
            next++;
            while (edge.Count > 0 && edge[^1].Level == level)
            {
                hash = MerkleHash.Node(edge[^1].Hash, hash);
                edge.RemoveAt(edge.Count - 1);
                level++;
                nodes.Add(new MerkleNode(new NodeId(level, (next >> level) - 1), hash));
            }
            edge.Add((level, hash));
        }
        return new MerkleAppend(next, edge.Select(subtree => subtree.Hash).ToList(), nodes);
    }

    /// <summary>
    /// MTH(D[0:size]) of RFC 9162 from the frontier alone: the right edge folded from the right, which is exactly
    /// where MTH splits a non-power-of-two tree (at the largest power of two below its size).
    /// </summary>
    public static byte[] RootFromFrontier(long size, IReadOnlyList<byte[]> frontier)
    {
        RequireFrontier(size, frontier);
        return size == 0 ? MerkleHash.EmptyTree() : SubtreeRanges.FoldFromRight(frontier);
    }

    private static List<(int Level, byte[] Hash)> RequireFrontier(long size, IReadOnlyList<byte[]> frontier)
    {
        if (size < 0)
            throw new ArgumentOutOfRangeException(nameof(size), size, "A tree size cannot be negative.");
        var expected = BitOperations.PopCount((ulong)size);
        if (frontier.Count != expected)
            throw new ArgumentOutOfRangeException(nameof(frontier), frontier.Count,
                $"A tree of {size} leaves has {expected} complete subtrees on its right edge, one per set bit of its size.");
        foreach (var hash in frontier) RequireHash(hash, nameof(frontier));
        return SubtreeRanges.CompleteSubtrees(0, size).Zip(frontier, (node, hash) => (node.Level, hash)).ToList();
    }

    private static void RequireHash(byte[] hash, string parameter)
    {
        if (hash.Length != MerkleHash.Size)
            throw new ArgumentOutOfRangeException(parameter, hash.Length, $"A Merkle hash is {MerkleHash.Size} bytes long.");
    }
}
