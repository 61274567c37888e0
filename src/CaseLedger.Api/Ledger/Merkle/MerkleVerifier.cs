using System.Security.Cryptography;

namespace CaseLedger.Api.Ledger.Merkle;

/// <summary>
/// Checks proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 say, from sizes and hashes alone. It shares nothing with
/// <see cref="MerkleProofs"/> except the hash, so a fault in how proofs are built cannot hide itself by being
/// checked the same way. It depends on nothing but <see cref="MerkleHash"/> and System.Security.Cryptography, so
/// the two files can move together into the offline verifier.
/// Proofs arrive from outside: anything malformed (an index beyond the size, a hash of the wrong length, a proof
/// too long or too short) is a failed check, answered false, never an exception.
/// A proof binds a leaf to a root; the size is bound only by the signed tree head that carries both, so always
/// verify against the root signed for the size claimed.
/// </summary>
public static class MerkleVerifier
{
    /// <summary>RFC 9162 §2.1.3.2: whether <paramref name="inclusionPath"/> proves the leaf with
    /// <paramref name="leafHash"/> sits at <paramref name="leafIndex"/> in the tree of <paramref name="treeSize"/>
    /// leaves whose root is <paramref name="rootHash"/>.</summary>
    public static bool VerifyInclusion(byte[] leafHash, long leafIndex, long treeSize, IReadOnlyList<byte[]> inclusionPath, byte[] rootHash)
    {
        if (leafIndex < 0 || leafIndex >= treeSize || !AreHashes([leafHash, rootHash, .. inclusionPath])) return false;
        long fn = leafIndex, sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in inclusionPath)
        {
            if (sn == 0) return false;
            if (IsRightChild(fn, sn))
            {
                r = MerkleHash.Node(p, r);
                SkipLevelsWithoutSibling(ref fn, ref sn);
            }
            else
                r = MerkleHash.Node(r, p);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && CryptographicOperations.FixedTimeEquals(r, rootHash);
    }

    /// <summary>
    /// RFC 9162 §2.1.4.2: whether <paramref name="consistencyPath"/> proves the tree of <paramref name="second"/>
    /// leaves with root <paramref name="secondRoot"/> extends the tree of <paramref name="first"/> leaves with root
    /// <paramref name="firstRoot"/>. The RFC covers 0 &lt; first &lt; second; for first = second the only proof is
    /// the empty one, with equal roots. First = 0 has no proof (every tree extends the empty one) and fails.
    /// </summary>
    public static bool VerifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, IReadOnlyList<byte[]> consistencyPath)
    {
        if (first < 1 || first > second || !AreHashes([firstRoot, secondRoot, .. consistencyPath])) return false;
        if (first == second)
            return consistencyPath.Count == 0 && CryptographicOperations.FixedTimeEquals(firstRoot, secondRoot);
        if (consistencyPath.Count == 0) return false;

        // When the old tree is a complete subtree of the new one, the proof leaves out its root: the verifier has it.
        IReadOnlyList<byte[]> path = long.IsPow2(first) ? [firstRoot, .. consistencyPath] : consistencyPath;
        long fn = first - 1, sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if (IsRightChild(fn, sn))
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                SkipLevelsWithoutSibling(ref fn, ref sn);
            }
            else
                sr = MerkleHash.Node(sr, c);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && CryptographicOperations.FixedTimeEquals(fr, firstRoot) && CryptographicOperations.FixedTimeEquals(sr, secondRoot);
    }

    // The RFC's "LSB(fn) is set, or fn is equal to sn": the proof's next hash goes on the left.
    private static bool IsRightChild(long fn, long sn) => (fn & 1) == 1 || fn == sn;

    // The RFC's "if LSB(fn) is not set, right-shift both until LSB(fn) is set or fn is 0": on the right edge a
    // node with no sibling is carried up unchanged, so those levels take no hash from the proof.
    private static void SkipLevelsWithoutSibling(ref long fn, ref long sn)
    {
        while ((fn & 1) == 0 && fn != 0)
        {
            fn >>= 1;
            sn >>= 1;
        }
    }

    private static bool AreHashes(IEnumerable<byte[]?> hashes) => hashes.All(hash => hash is { Length: MerkleHash.Size });
}
