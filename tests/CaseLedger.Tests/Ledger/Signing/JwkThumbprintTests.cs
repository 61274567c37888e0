using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Tests.Ledger.Signing;

public class JwkThumbprintTests
{
    // RFC 7517 Appendix A.1's EC P-256 public key.
    private const string X = "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4";
    private const string Y = "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM";

    [Fact]
    public void The_rfc_7638_worked_example_gives_its_published_thumbprint()
    {
        // RFC 7638 §3.1: the RSA key of RFC 7517 Appendix A.1 and the thumbprint the RFC prints.
        var members = new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["n"] = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3" +
                    "oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdA" +
                    "ZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            ["e"] = "AQAB",
        };
        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", JwkThumbprint.Of(members));
    }

    [Fact]
    public void An_ec_thumbprint_covers_crv_kty_x_y_in_that_order()
    {
        // Independent path: the RFC 7638 §3.2 member string written out by hand. The expected value was also
        // computed outside .NET: printf '%s' '{"crv":…}' | openssl dgst -sha256 -binary | base64url.
        var byHand = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{X}}","y":"{{Y}}"}""")));
        Assert.Equal("cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s", byHand);
        Assert.Equal(byHand, JwkThumbprint.OfP256(X, Y));
    }

    [Fact]
    public void A_public_jwk_carries_its_thumbprint_as_kid_and_the_es256_members()
    {
        var jwk = new PublicJwk("EC", "P-256", X, Y, "whatever", "ES256", "sig");
        using var key = jwk.ToECDsa();
        var again = PublicJwk.Of(key);

        Assert.Equal(new PublicJwk("EC", "P-256", X, Y, "cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s", "ES256", "sig"), again);
        Assert.Equal("""{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","kid":"cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s","alg":"ES256","use":"sig"}""",
            JsonSerializer.Serialize(again));
    }

    [Fact]
    public void The_thumbprint_comes_from_the_coordinates_not_the_claimed_kid() =>
        Assert.Equal("cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s", new PublicJwk("EC", "P-256", X, Y, "forged", "ES256", "sig").Thumbprint());

    [Fact]
    public void A_jwk_of_another_curve_is_refused() =>
        Assert.Throws<ArgumentException>(() => new PublicJwk("EC", "P-384", X, Y, "k", "ES384", "sig").ToECDsa());
}
