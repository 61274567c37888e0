using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CaseLedger.Api.Ledger.Canonical;

namespace CaseLedger.Api.Ledger.Signing;

/// <summary>
/// RFC 7638 JWK thumbprints: base64url (no padding) of SHA-256 over the JSON object of a key's required members,
/// sorted, without whitespace. For the string-only members a thumbprint covers, that is exactly RFC 8785's
/// canonical form, so <see cref="CanonicalJson"/> writes it. A key id that is a thumbprint needs no registry: anyone
/// holding the public key computes it.
/// </summary>
public static class JwkThumbprint
{
    /// <summary>The thumbprint of a P-256 public key given by its base64url coordinates.</summary>
    public static string OfP256(string x, string y) =>
        Of(new Dictionary<string, string> { ["crv"] = PublicJwk.P256, ["kty"] = PublicJwk.EllipticCurve, ["x"] = x, ["y"] = y });

    /// <summary>The thumbprint of any key, given exactly the required members of its key type (§3.2).</summary>
    public static string Of(IReadOnlyDictionary<string, string> requiredMembers)
    {
        var json = new JsonObject();
        foreach (var (name, value) in requiredMembers) json[name] = value;
        return Base64Url.EncodeToString(SHA256.HashData(CanonicalJson.Serialize(json)));
    }
}
