namespace CaseLedger.Api.Ledger.Merkle;

/// <summary>
/// A complete (perfect) subtree: the 2^<paramref name="Level"/> leaves [Index·2^Level, (Index+1)·2^Level).
/// Level 0 is the leaf hashes themselves. Only complete subtrees are ever stored: once a subtree is complete its hash
/// never changes, whereas the hash over an incomplete right edge changes with every append and is recomputed from
/// complete ones. A store keys its nodes by (Level, Index).
/// </summary>
public readonly record struct NodeId(int Level, long Index)
{
    /// <summary>The first leaf this subtree covers.</summary>
    public long FirstLeaf => Index << Level;

    /// <summary>How many leaves this subtree covers.</summary>
    public long LeafCount => 1L << Level;

    public override string ToString() => $"({Level}, {Index})";
}

/// <summary>A complete subtree's hash, ready to store; written once, never updated.</summary>
public sealed record MerkleNode(NodeId Id, byte[] Hash);
