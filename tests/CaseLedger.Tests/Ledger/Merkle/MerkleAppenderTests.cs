using System.Numerics;
using CaseLedger.Api.Ledger.Merkle;

namespace CaseLedger.Tests.Ledger.Merkle;

public class MerkleAppenderTests
{
    private static readonly MerkleTestTree Tree = MerkleTestTree.Shared;

    [Fact]
    public void Each_stored_node_is_the_rfc_hash_of_the_leaves_it_covers()
    {
        foreach (var (id, hash) in Tree.Nodes)
            Assert.Equal(Rfc9162Reference.Mth(Tree.Leaves[(int)id.FirstLeaf..(int)(id.FirstLeaf + id.LeafCount)]), hash);
    }

    [Fact]
    public void A_tree_stores_every_complete_subtree_and_nothing_else()
    {
        // n leaves have 2n - popcount(n) complete subtrees: n of them are leaves, and each merge makes one more.
        const int n = MerkleTestTree.MaxSize;
        Assert.Equal(2 * n - BitOperations.PopCount(n), Tree.Nodes.Count);
        Assert.All(Tree.Nodes.Keys, id => Assert.True(id.FirstLeaf + id.LeafCount <= n, $"{id} reaches past the last leaf"));
    }

    [Fact]
    public void Random_batches_store_the_same_nodes_and_roots_as_one_leaf_at_a_time()
    {
        var random = new Random(9162);
        for (var run = 0; run < 50; run++)
        {
            var stored = new Dictionary<NodeId, byte[]>();
            var (size, frontier) = (0L, (IReadOnlyList<byte[]>)[]);
            while (size < MerkleTestTree.MaxSize)
            {
                var batch = (int)Math.Min(random.Next(0, 20), MerkleTestTree.MaxSize - size);
                var appended = MerkleAppender.Append(size, frontier, Tree.Leaves.Skip((int)size).Take(batch).Select(leaf => MerkleHash.Leaf(leaf)).ToList());
                foreach (var node in appended.Nodes) stored.Add(node.Id, node.Hash);
                (size, frontier) = (appended.Size, appended.Frontier);

                Assert.Equal(Tree.Root((int)size), MerkleAppender.RootFromFrontier(size, frontier));
                Assert.Equal(MerkleProofs.RootNodes(size).Select(id => stored[id]), frontier);
            }
            Assert.Equal(Tree.Nodes, stored);
        }
    }

    [Fact]
    public void Folding_the_right_edge_from_the_right_gives_the_rfc_root_at_every_size()
    {
        // MTH splits at the largest power of two below n; the frontier's first subtree is exactly that left part.
        for (var size = 0; size <= MerkleTestTree.MaxSize; size++)
        {
            var frontier = MerkleProofs.RootNodes(size).Select(id => Tree.Nodes[id]).ToList();
            Assert.Equal(Tree.Root(size), MerkleAppender.RootFromFrontier(size, frontier));
        }
    }

    [Fact]
    public void Appending_costs_at_most_one_node_hash_per_leaf()
    {
        var appended = MerkleAppender.Append(0, [], Enumerable.Range(0, 1000).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i))).ToList());
        var leaves = appended.Nodes.Count(node => node.Id.Level == 0);
        Assert.Equal(1000, leaves);
        Assert.True(appended.Nodes.Count - leaves < 1000);
    }

    [Fact]
    public void Nothing_to_append_changes_nothing()
    {
        var frontier = MerkleProofs.RootNodes(13).Select(id => Tree.Nodes[id]).ToList();
        var appended = MerkleAppender.Append(13, frontier, []);
        Assert.Equal(13, appended.Size);
        Assert.Equal(frontier, appended.Frontier);
        Assert.Empty(appended.Nodes);
    }

    [Fact]
    public void A_frontier_that_does_not_fit_the_size_is_refused()
    {
        var hash = MerkleHash.Leaf([]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MerkleAppender.Append(3, [hash], [hash]));
        Assert.Equal("frontier", error.ParamName);
        Assert.Contains("one per set bit", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleAppender.RootFromFrontier(0, [hash]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleAppender.Append(-1, [], [hash]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleAppender.Append(1, [hash[..16]], [hash]));
        Assert.Equal("leafHashes", Assert.Throws<ArgumentOutOfRangeException>(() => MerkleAppender.Append(0, [], [[1, 2, 3]])).ParamName);
    }
}
