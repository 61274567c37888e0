using CaseLedger.Api.Ledger.Merkle;

namespace CaseLedger.Tests.Ledger.Merkle;

/// <summary>
/// For every tree size 1..70, every leaf and every pair of sizes: the product's roots and proofs, built only from
/// the nodes it asked for, equal the RFC reference byte for byte, and the product's verifier accepts them.
/// </summary>
public class ProofPropertyTests
{
    private static readonly MerkleTestTree Tree = MerkleTestTree.Shared;

    public static TheoryData<int> Sizes => [.. Enumerable.Range(1, MerkleTestTree.MaxSize)];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_root_at_any_past_size_is_the_rfc_root(int size) =>
        Assert.Equal(Tree.Root(size), MerkleProofs.Root(size, Tree.Fetch(MerkleProofs.RootNodes(size))));

    [Fact]
    public void The_empty_tree_needs_no_nodes_and_has_the_empty_root()
    {
        Assert.Empty(MerkleProofs.RootNodes(0));
        Assert.Equal(Rfc9162Reference.Mth([]), MerkleProofs.Root(0, new Dictionary<NodeId, byte[]>()));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_audit_path_is_the_rfc_path_and_verifies(int size)
    {
        var root = Tree.Root(size);
        for (var leaf = 0; leaf < size; leaf++)
        {
            var path = MerkleProofs.Inclusion(leaf, size, Tree.Fetch(MerkleProofs.NodesForInclusion(leaf, size)));

            Assert.Equal(Rfc9162Reference.Path(leaf, Tree.Prefix(size)), path);
            Assert.True(MerkleVerifier.VerifyInclusion(Rfc9162Reference.LeafHash(Tree.Leaves[leaf]), leaf, size, path, root), $"leaf {leaf} of {size}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_consistency_proof_is_the_rfc_proof_and_verifies(int second)
    {
        var secondRoot = Tree.Root(second);
        for (var first = 1; first <= second; first++)
        {
            var proof = MerkleProofs.Consistency(first, second, Tree.Fetch(MerkleProofs.NodesForConsistency(first, second)));

            Assert.Equal(Rfc9162Reference.Proof(first, Tree.Prefix(second)), proof);
            Assert.True(MerkleVerifier.VerifyConsistency(first, second, Tree.Root(first), secondRoot, proof), $"{first} to {second}");
        }
    }
}
