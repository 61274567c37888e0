using CaseLedger.Api.Ledger.Merkle;

namespace CaseLedger.Tests.Ledger.Merkle;

public class MerkleHashTests
{
    [Fact]
    public void The_empty_tree_hashes_to_sha256_of_nothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleHash.EmptyTree()));

    [Fact]
    public void An_empty_leaf_hashes_to_the_published_value() =>
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Convert.ToHexStringLower(MerkleHash.Leaf([])));

    [Fact]
    public void A_node_hashes_its_children_after_0x01() =>
        Assert.Equal("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            Convert.ToHexStringLower(MerkleHash.Node(MerkleHash.Leaf([]), MerkleHash.Leaf([0x00]))));

    [Theory]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(70_000)]
    public void Leaves_of_any_length_hash_as_the_rfc_says(int length)
    {
        var leaf = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(Rfc9162Reference.LeafHash(leaf), MerkleHash.Leaf(leaf));
    }

    [Fact]
    public void A_node_refuses_children_that_are_not_hashes()
    {
        var hash = MerkleHash.Leaf([]);
        Assert.Throws<ArgumentException>(() => MerkleHash.Node(hash, hash[..31]));
        Assert.Throws<ArgumentException>(() => MerkleHash.Node([], hash));
    }
}
