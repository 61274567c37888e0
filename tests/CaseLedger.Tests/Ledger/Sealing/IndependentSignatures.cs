using System.Security.Cryptography;
using System.Text;

namespace CaseLedger.Tests.Ledger.Sealing;

/// <summary>Checks a tree head's signature as an auditor would, from the published JWK and the head alone, without
/// the product's signer or its canonical JSON.</summary>
internal static class IndependentSignatures
{
    /// <summary>ES256 over the head's RFC 8785 form without its signature, checked with the JWK alone. The head's
    /// members are a number and plain strings, so their canonical form is spelled out here by hand.</summary>
    public static bool SignedByKey(JsonElement head, JsonElement jwk)
    {
        var signed = $"{{\"keyId\":\"{head.GetProperty("keyId").GetString()}\",\"rootHash\":\"{head.GetProperty("rootHash").GetString()}\","
            + $"\"timestamp\":\"{head.GetProperty("timestamp").GetString()}\",\"treeSize\":{head.GetProperty("treeSize").GetInt64()}}}";
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url(jwk.GetProperty("x").GetString()!), Y = Base64Url(jwk.GetProperty("y").GetString()!) },
        });
        return key.VerifyData(Encoding.UTF8.GetBytes(signed), Convert.FromBase64String(head.GetProperty("signature").GetString()!),
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static byte[] Base64Url(string value) =>
        Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/').PadRight(value.Length + (4 - value.Length % 4) % 4, '='));
}
