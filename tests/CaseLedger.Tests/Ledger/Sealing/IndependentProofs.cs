using System.Security.Cryptography;

namespace CaseLedger.Tests.Ledger.Sealing;

/// <summary>
/// Checks an API's proofs the way an auditor's own tool would: RFC 9162's definitions of PATH and SUBPROOF run
/// backwards from the proof to the roots, written here apart from the product's verifier and sharing no code with it.
/// </summary>
internal static class IndependentProofs
{
    /// <summary>The root a PATH(m, D[n]) proves for a leaf hash.</summary>
    public static byte[] RootFromInclusion(byte[] leafHash, long m, long n, IReadOnlyList<byte[]> path)
    {
        if (n == 1) return path.Count == 0 ? leafHash : throw new InvalidDataException("A one-leaf tree has an empty path.");
        if (path.Count == 0) throw new InvalidDataException("The path ended early.");
        var (k, top, rest) = (K(n), path[^1], path.Take(path.Count - 1).ToList());
        return m < k
            ? Node(RootFromInclusion(leafHash, m, k, rest), top)
            : Node(top, RootFromInclusion(leafHash, m - k, n - k, rest));
    }

    /// <summary>The two roots a PROOF(m, D[n]) proves, given the older root it starts from.</summary>
    public static (byte[] First, byte[] Second) RootsFromConsistency(long m, long n, byte[] firstRoot, IReadOnlyList<byte[]> proof) =>
        SubProof(m, n, [.. proof], true, firstRoot);

    private static (byte[] First, byte[] Second) SubProof(long m, long n, List<byte[]> proof, bool b, byte[] firstRoot)
    {
        if (m == n)
        {
            if (b) return proof.Count == 0 ? (firstRoot, firstRoot) : throw new InvalidDataException("Equal sizes take an empty proof.");
            return proof.Count == 1 ? (proof[0], proof[0]) : throw new InvalidDataException("The proof does not end at a whole subtree.");
        }
        if (proof.Count == 0) throw new InvalidDataException("The proof ended early.");
        var (k, top, rest) = (K(n), proof[^1], proof.Take(proof.Count - 1).ToList());
        if (m <= k)
        {
            var (first, second) = SubProof(m, k, rest, b, firstRoot);
            return (first, Node(second, top));
        }
        var (olderRight, newerRight) = SubProof(m - k, n - k, rest, false, firstRoot);
        return (Node(top, olderRight), Node(top, newerRight));
    }

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    private static long K(long n)
    {
        var k = 1L;
        while (k * 2 < n) k *= 2;
        return k;
    }
}
