using CaseLedger.Api.Ledger.Merkle;

namespace CaseLedger.Tests.Ledger.Merkle;

/// <summary>
/// A small log built with the product's appender one leaf at a time, holding every node it stored: the stand-in for
/// the PostgreSQL node table. Leaves differ in content and length (the first is empty) so a swapped or misplaced
/// leaf always changes a hash.
/// </summary>
internal sealed class MerkleTestTree
{
    public const int MaxSize = 70;

    public static readonly MerkleTestTree Shared = new(MaxSize);

    public MerkleTestTree(int size)
    {
        Leaves = Enumerable.Range(0, size)
            .Select(i => Enumerable.Range(0, i % 9).Select(j => (byte)(i * 37 + j * 11)).ToArray())
            .ToArray();
        var frontier = (IReadOnlyList<byte[]>)[];
        for (var i = 0; i < size; i++)
        {
            var appended = MerkleAppender.Append(i, frontier, [MerkleHash.Leaf(Leaves[i])]);
            foreach (var node in appended.Nodes) Nodes.Add(node.Id, node.Hash);
            frontier = appended.Frontier;
        }
    }

    public byte[][] Leaves { get; }

    /// <summary>Every complete subtree of the tree at its full size, and so of every smaller size too.</summary>
    public Dictionary<NodeId, byte[]> Nodes { get; } = [];

    /// <summary>Only the named nodes: what one batched lookup returns, so a proof that needs any other node fails.</summary>
    public Dictionary<NodeId, byte[]> Fetch(IEnumerable<NodeId> ids) => ids.ToDictionary(id => id, id => Nodes[id]);

    public byte[][] Prefix(int size) => Leaves[..size];

    /// <summary>The reference root at each size, computed once: the naive MTH is slow enough to matter in loops.</summary>
    public byte[] Root(int size) => roots[size] ??= Rfc9162Reference.Mth(Prefix(size));

    private readonly byte[]?[] roots = new byte[MaxSize + 1][];

    public static byte[] Flipped(byte[] hash, int bit)
    {
        var copy = (byte[])hash.Clone();
        copy[bit / 8 % copy.Length] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
