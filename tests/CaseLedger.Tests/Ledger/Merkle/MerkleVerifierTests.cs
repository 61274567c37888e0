using CaseLedger.Api.Ledger.Merkle;

namespace CaseLedger.Tests.Ledger.Merkle;

/// <summary>
/// The verifier turns down every tampered proof for every size 1..70: each flipped bit, every other leaf index,
/// neighbouring sizes with their own true roots, a proof cut short or padded, and malformed input.
/// </summary>
public class MerkleVerifierTests
{
    private static readonly MerkleTestTree Tree = MerkleTestTree.Shared;

    public static TheoryData<int> Sizes => ProofPropertyTests.Sizes;

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Tampered_audit_paths_fail(int size)
    {
        var root = Tree.Root(size);
        for (var leaf = 0; leaf < size; leaf++)
        {
            var leafHash = MerkleHash.Leaf(Tree.Leaves[leaf]);
            var path = Rfc9162Reference.Path(leaf, Tree.Prefix(size));
            bool Verifies(long index, long treeSize, IReadOnlyList<byte[]> proof, byte[] expectedRoot, byte[]? hash = null) =>
                MerkleVerifier.VerifyInclusion(hash ?? leafHash, index, treeSize, proof, expectedRoot);

            for (var other = 0; other < size; other++)
                Assert.False(other != leaf && Verifies(other, size, path, root), $"leaf {leaf} of {size} passed as {other}");
            for (var i = 0; i < path.Count; i++)
                Assert.False(Verifies(leaf, size, [.. path[..i], MerkleTestTree.Flipped(path[i], leaf + i), .. path[(i + 1)..]], root));
            Assert.False(Verifies(leaf, size, path, MerkleTestTree.Flipped(root, leaf)));
            Assert.False(Verifies(leaf, size, path, root, MerkleTestTree.Flipped(leafHash, size)));
            Assert.False(Verifies(leaf, size, [.. path, root], root));
            if (path.Count > 0) Assert.False(Verifies(leaf, size, path[..^1], root));
            if (size < MerkleTestTree.MaxSize) Assert.False(Verifies(leaf, size + 1, path, Tree.Root(size + 1)));
            if (size - 1 > leaf) Assert.False(Verifies(leaf, size - 1, path, Tree.Root(size - 1)));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Tampered_consistency_proofs_fail(int second)
    {
        var secondRoot = Tree.Root(second);
        for (var first = 1; first <= second; first++)
        {
            var firstRoot = Tree.Root(first);
            var proof = Rfc9162Reference.Proof(first, Tree.Prefix(second));
            bool Verifies(long m, long n, byte[] mRoot, byte[] nRoot, IReadOnlyList<byte[]> path) => MerkleVerifier.VerifyConsistency(m, n, mRoot, nRoot, path);

            for (var i = 0; i < proof.Count; i++)
                Assert.False(Verifies(first, second, firstRoot, secondRoot, [.. proof[..i], MerkleTestTree.Flipped(proof[i], first + i), .. proof[(i + 1)..]]));
            Assert.False(Verifies(first, second, MerkleTestTree.Flipped(firstRoot, second), secondRoot, proof));
            Assert.False(Verifies(first, second, firstRoot, MerkleTestTree.Flipped(secondRoot, first), proof));
            Assert.False(Verifies(first, second, firstRoot, secondRoot, [.. proof, secondRoot]));
            if (first > 1) Assert.False(Verifies(first - 1, second, Tree.Root(first - 1), secondRoot, proof), $"{first} to {second} passed from {first - 1}");
            if (first < second) Assert.False(Verifies(first + 1, second, Tree.Root(first + 1), secondRoot, proof), $"{first} to {second} passed from {first + 1}");
            if (second < MerkleTestTree.MaxSize) Assert.False(Verifies(first, second + 1, firstRoot, Tree.Root(second + 1), proof));
            if (second - 1 >= first) Assert.False(Verifies(first, second - 1, firstRoot, Tree.Root(second - 1), proof));
            if (first == second) continue;
            Assert.False(Verifies(first, second, secondRoot, firstRoot, proof));
            Assert.False(Verifies(first, second, firstRoot, secondRoot, proof[..^1]));
        }
    }

    [Fact]
    public void An_inclusion_proof_binds_a_root_not_a_size()
    {
        // Leaf 0's path in the 5-leaf tree also walks as a path in a 6-leaf tree and lands on the 5-leaf root. So a
        // size means something only with the root signed for that size: the head, not the proof, vouches for it.
        var path = Rfc9162Reference.Path(0, Tree.Prefix(5));
        Assert.True(MerkleVerifier.VerifyInclusion(MerkleHash.Leaf(Tree.Leaves[0]), 0, 6, path, Tree.Root(5)));
        Assert.False(MerkleVerifier.VerifyInclusion(MerkleHash.Leaf(Tree.Leaves[0]), 0, 6, path, Tree.Root(6)));
    }

    [Fact]
    public void Malformed_input_fails_without_throwing()
    {
        var hash = Tree.Root(1);
        Assert.False(MerkleVerifier.VerifyInclusion(hash, 0, 0, [], hash));
        Assert.False(MerkleVerifier.VerifyInclusion(hash, -1, 1, [], hash));
        Assert.False(MerkleVerifier.VerifyInclusion(hash, 1, 1, [], hash));
        Assert.False(MerkleVerifier.VerifyInclusion(hash[..31], 0, 1, [], hash[..31]));
        Assert.False(MerkleVerifier.VerifyInclusion(hash, 0, 2, [[]], hash));
        Assert.False(MerkleVerifier.VerifyConsistency(0, 1, MerkleHash.EmptyTree(), hash, []));
        Assert.False(MerkleVerifier.VerifyConsistency(2, 1, hash, hash, []));
        Assert.False(MerkleVerifier.VerifyConsistency(1, 1, hash, hash, [hash]));
        Assert.False(MerkleVerifier.VerifyConsistency(1, 1, hash[..16], hash[..16], []));
        Assert.False(MerkleVerifier.VerifyConsistency(1, 2, hash, Tree.Root(2), []));
    }
}
