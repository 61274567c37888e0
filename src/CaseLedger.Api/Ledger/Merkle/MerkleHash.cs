using System.Buffers;
using System.Security.Cryptography;

namespace CaseLedger.Api.Ledger.Merkle;

/// <summary>
/// The three hashes of RFC 9162 §2.1.1, and nothing else. The 0x00 and 0x01 prefixes separate leaves from interior
/// nodes, so no leaf can be passed off as a node (the second-preimage attack on plain Merkle trees).
/// Depends only on System.Security.Cryptography, so it can travel with <see cref="MerkleVerifier"/> into an offline
/// verifier.
/// </summary>
public static class MerkleHash
{
    /// <summary>SHA-256 output length; every leaf hash, node hash and root is this long.</summary>
    public const int Size = SHA256.HashSizeInBytes;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    // Leaves up to this size are prefixed on the stack; larger ones borrow a pooled buffer instead of allocating.
    private const int StackLimit = 1024;

    /// <summary>MTH({}) = SHA-256(""): the root of the empty tree. A fresh array each call, since arrays are mutable.</summary>
    public static byte[] EmptyTree() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>MTH({d}) = SHA-256(0x00 || d): the hash of one leaf's bytes.</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> leaf)
    {
        var length = leaf.Length + 1;
        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        var prefixed = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        try
        {
            prefixed[0] = LeafPrefix;
            leaf.CopyTo(prefixed[1..]);
            return SHA256.HashData(prefixed);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>SHA-256(0x01 || left || right): the hash of an interior node from its two children's hashes.</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != Size || right.Length != Size)
            throw new ArgumentException($"A node's children must be {Size}-byte hashes; got {left.Length} and {right.Length} bytes.");
        Span<byte> joined = stackalloc byte[1 + 2 * Size];
        joined[0] = NodePrefix;
        left.CopyTo(joined[1..]);
        right.CopyTo(joined[(1 + Size)..]);
        return SHA256.HashData(joined);
    }
}
