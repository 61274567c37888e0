using System.Security.Cryptography;

namespace CaseLedger.Tests.Ledger.Merkle;

/// <summary>
/// RFC 9162 §2.1 transcribed as literally as C# allows, over the whole list of leaves: MTH (§2.1.1), PATH
/// (§2.1.3.1) and SUBPROOF (§2.1.4.1). Deliberately naive (it rehashes whole subtrees every call) and sharing no
/// code with the product, not even its hash, so the product is compared with the RFC rather than with itself.
/// </summary>
internal static class Rfc9162Reference
{
    public static byte[] LeafHash(byte[] leaf) => SHA256.HashData([0x00, .. leaf]);

    /// <summary>MTH(D[n]).</summary>
    public static byte[] Mth(byte[][] d) => d.Length switch
    {
        0 => SHA256.HashData(Array.Empty<byte>()),
        1 => LeafHash(d[0]),
        var n => SHA256.HashData([0x01, .. Mth(d[..K(n)]), .. Mth(d[K(n)..])]),
    };

    /// <summary>PATH(m, D[n]).</summary>
    public static List<byte[]> Path(int m, byte[][] d)
    {
        var n = d.Length;
        if (n == 1) return [];
        var k = K(n);
        return m < k
            ? [.. Path(m, d[..k]), Mth(d[k..])]
            : [.. Path(m - k, d[k..]), Mth(d[..k])];
    }

    /// <summary>PROOF(m, D[n]) = SUBPROOF(m, D[n], true).</summary>
    public static List<byte[]> Proof(int m, byte[][] d) => SubProof(m, d, true);

    private static List<byte[]> SubProof(int m, byte[][] d, bool b)
    {
        var n = d.Length;
        if (m == n) return b ? [] : [Mth(d)];
        var k = K(n);
        return m <= k
            ? [.. SubProof(m, d[..k], b), Mth(d[k..])]
            : [.. SubProof(m - k, d[k..], false), Mth(d[..k])];
    }

    /// <summary>"The largest power of two smaller than n", counted up rather than computed with bit tricks.</summary>
    private static int K(int n)
    {
        var k = 1;
        while (k * 2 < n) k *= 2;
        return k;
    }
}
