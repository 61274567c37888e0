using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CaseLedger.Api.Ledger.Canonical;

namespace CaseLedger.Api.Ledger.Signing;

/// <summary>
/// Signs and checks tree heads. The signed bytes are the RFC 8785 canonical JSON of the head without its
/// <c>signature</c> member, i.e. <c>{"keyId":…,"rootHash":…,"timestamp":…,"treeSize":…}</c> with the members as
/// the head's JSON writes them; the signature is ES256 (ECDSA P-256, SHA-256, 64-byte r||s). An auditor can
/// rebuild those bytes from the head as served, with any JCS implementation, and check it with any JWS library.
/// </summary>
public sealed class TreeHeadSigner(LedgerKeys keys)
{
    public const int RootHashBytes = 32;
    public const int SignatureBytes = 64;

    /// <summary>A head for the tree of <paramref name="treeSize"/> leaves, signed with the active key. The
    /// timestamp is kept to the millisecond in UTC, as it is signed.</summary>
    public TreeHead Sign(long treeSize, byte[] rootHash, DateTimeOffset timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        if (rootHash.Length != RootHashBytes)
            throw new ArgumentException($"A root hash is a SHA-256 digest of {RootHashBytes} bytes, not {rootHash.Length}.", nameof(rootHash));
        var unsigned = new TreeHead(treeSize, rootHash.ToArray(), TreeHeadTimestamp.Truncate(timestamp), keys.ActiveKeyId, []);
        return unsigned with { Signature = keys.Sign(SignedBytes(unsigned)) };
    }

    /// <summary>Whether one of this host's keys signed <paramref name="head"/>.</summary>
    public bool Verify(TreeHead head) => Verify(head, keys.PublicKeys);

    /// <summary>Whether the key among <paramref name="published"/> whose thumbprint is the head's key id signed
    /// it. A key is chosen by the thumbprint of its coordinates, never by the <c>kid</c> it claims.</summary>
    public static bool Verify(TreeHead head, IEnumerable<PublicJwk> published) =>
        published.FirstOrDefault(key => key.Thumbprint() == head.KeyId) is { } signer && Verify(head, signer);

    /// <summary>Whether <paramref name="key"/> signed <paramref name="head"/> and is the key the head names.</summary>
    public static bool Verify(TreeHead head, PublicJwk key)
    {
        if (key.Thumbprint() != head.KeyId) return false;
        using var publicKey = key.ToECDsa();
        return Verify(head, publicKey);
    }

    /// <summary>Whether <paramref name="publicKey"/> signed <paramref name="head"/>.</summary>
    public static bool Verify(TreeHead head, ECDsa publicKey) =>
        head.Signature.Length == SignatureBytes &&
        publicKey.VerifyData(SignedBytes(head), head.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The bytes a head's signature covers: everything in the head but the signature.</summary>
    public static byte[] SignedBytes(TreeHead head) => CanonicalJson.Serialize(new JsonObject
    {
        ["treeSize"] = head.TreeSize,
        ["rootHash"] = Convert.ToBase64String(head.RootHash),
        ["timestamp"] = TreeHeadTimestamp.Write(head.Timestamp),
        ["keyId"] = head.KeyId,
    });
}
