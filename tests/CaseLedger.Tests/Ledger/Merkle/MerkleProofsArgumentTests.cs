using System.Numerics;
using CaseLedger.Api.Ledger.Merkle;

namespace CaseLedger.Tests.Ledger.Merkle;

/// <summary>
/// What a caller may ask for: impossible sizes and indices are argument errors (the HTTP layer's 400s), a node the
/// store failed to supply is not; and at five million leaves a proof still needs only a few dozen nodes.
/// </summary>
public class MerkleProofsArgumentTests
{
    private const long FiveMillion = 5_000_000;

    [Theory]
    [InlineData(5, 5, "leafIndex", "from 0 to 4")]
    [InlineData(-1, 5, "leafIndex", "from 0 to 4")]
    [InlineData(0, 0, "treeSize", "at least 1")]
    [InlineData(0, -3, "treeSize", "at least 1")]
    public void Impossible_inclusion_requests_are_refused(long leafIndex, long treeSize, string parameter, string message)
    {
        AssertRefused(() => MerkleProofs.NodesForInclusion(leafIndex, treeSize), parameter, message);
        AssertRefused(() => MerkleProofs.Inclusion(leafIndex, treeSize, NoNodes), parameter, message);
    }

    [Theory]
    [InlineData(0, 5, "first", "at least 1")]
    [InlineData(-2, 5, "first", "at least 1")]
    [InlineData(6, 5, "second", "at least the first")]
    public void Impossible_consistency_requests_are_refused(long first, long second, string parameter, string message)
    {
        AssertRefused(() => MerkleProofs.NodesForConsistency(first, second), parameter, message);
        AssertRefused(() => MerkleProofs.Consistency(first, second, NoNodes), parameter, message);
    }

    [Fact]
    public void A_negative_size_has_no_root() =>
        Assert.Equal("treeSize", Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.RootNodes(-1)).ParamName);

    [Fact]
    public void A_node_the_store_did_not_supply_is_a_fault_not_a_bad_request()
    {
        var needed = MerkleProofs.NodesForInclusion(2, 7);
        var partial = MerkleTestTree.Shared.Fetch(needed.Skip(1));
        var error = Assert.Throws<InvalidOperationException>(() => MerkleProofs.Inclusion(2, 7, partial));
        Assert.Contains(needed.First().ToString(), error.Message);
    }

    [Fact]
    public void At_five_million_leaves_an_audit_path_needs_at_most_two_nodes_per_level()
    {
        var height = (int)Math.Ceiling(Math.Log2(FiveMillion));
        Assert.Equal(BitOperations.PopCount((ulong)FiveMillion), MerkleProofs.RootNodes(FiveMillion).Count);
        foreach (var leaf in SampleBelow(FiveMillion))
        {
            var needed = MerkleProofs.NodesForInclusion(leaf, FiveMillion);
            Assert.InRange(needed.Count, 1, 2 * height);
            Assert.All(needed, id => Assert.True(id.FirstLeaf + id.LeafCount <= FiveMillion, $"{id} is not a complete subtree"));
        }
    }

    [Fact]
    public void At_five_million_leaves_a_consistency_proof_needs_at_most_two_nodes_per_level()
    {
        var height = (int)Math.Ceiling(Math.Log2(FiveMillion));
        foreach (var first in SampleBelow(FiveMillion).Where(size => size > 0))
        {
            var needed = MerkleProofs.NodesForConsistency(first, FiveMillion);
            Assert.InRange(needed.Count, 1, 2 * height + 1);
            Assert.All(needed, id => Assert.True(id.FirstLeaf + id.LeafCount <= FiveMillion, $"{id} is not a complete subtree"));
        }
    }

    private static readonly Dictionary<NodeId, byte[]> NoNodes = [];

    private static void AssertRefused(Func<object> request, string parameter, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(request);
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(message, error.Message);
    }

    // Both ends, every power of two and its neighbours, and a seeded scatter: the shapes where proofs are longest.
    private static IEnumerable<long> SampleBelow(long size)
    {
        var random = new Random(6962);
        var powers = Enumerable.Range(0, 63).Select(bit => 1L << bit).TakeWhile(power => power < size);
        return powers.SelectMany(power => new[] { power - 1, power, power + 1 })
            .Concat([0, 1, size - 2, size - 1])
            .Concat(Enumerable.Range(0, 2000).Select(_ => random.NextInt64(size)))
            .Where(index => index >= 0 && index < size)
            .Distinct();
    }
}
