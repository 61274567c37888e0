using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Signs tokens with the development key, as ops/token does: for tests, the demo loader and the benchmark, which
/// act as named users through the same authentication as any client. Production never accepts these.
/// </summary>
public static class DevelopmentTokens
{
    public static string Issue(string signingKey, string user, string role, DateTime? expires = null) =>
        Issue(signingKey, new Dictionary<string, object> { ["sub"] = user, ["role"] = role }, expires);

    /// <summary>
    /// A token with exactly these claims, however wrong: lets tests show that authentication refuses a token with
    /// no user, or a role claim that is a list.
    /// </summary>
    public static string Issue(string signingKey, IDictionary<string, object> claims, DateTime? expires = null)
    {
        var until = expires ?? DateTime.UtcNow.AddHours(12);
        var from = until.AddHours(-13);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = AuthenticationSetup.DevelopmentIssuer,
            Audience = AuthenticationSetup.DevelopmentAudience,
            IssuedAt = from,
            NotBefore = from,
            Expires = until,
            SigningCredentials = new SigningCredentials(AuthenticationSetup.SigningKey(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
