using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace CaseLedger.Api.Ledger.Signing;

/// <summary>
/// A ledger public key as the JWK (RFC 7517/7518) an auditor imports: EC P-256, for ES256 signatures, with its
/// RFC 7638 thumbprint as <c>kid</c>. Member names are fixed here, not left to the host's naming policy, because
/// they are the JWK's.
/// </summary>
public sealed record PublicJwk(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("use")] string Use)
{
    public const string EllipticCurve = "EC";
    public const string P256 = "P-256";
    public const string Es256 = "ES256";
    public const string Signing = "sig";

    /// <summary>The public half of <paramref name="key"/> (a P-256 key) as a JWK.</summary>
    public static PublicJwk Of(ECDsa key)
    {
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        // .NET exports each coordinate at the curve's field size (32 bytes for P-256), as RFC 7518 §6.2.1.2 asks.
        var x = Base64Url.EncodeToString(point.X);
        var y = Base64Url.EncodeToString(point.Y);
        return new PublicJwk(EllipticCurve, P256, x, y, JwkThumbprint.OfP256(x, y), Es256, Signing);
    }

    /// <summary>The thumbprint of the key these coordinates are, whatever <see cref="Kid"/> claims.</summary>
    public string Thumbprint() => JwkThumbprint.OfP256(X, Y);

    /// <summary>The key for verifying; refuses a JWK that is not an EC P-256 key.</summary>
    public ECDsa ToECDsa()
    {
        if (Kty != EllipticCurve || Crv != P256)
            throw new ArgumentException($"The key {Kid} is {Kty} {Crv}; ledger heads are signed with {EllipticCurve} {P256}.");
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(X), Y = Base64Url.DecodeFromChars(Y) },
        });
    }
}
