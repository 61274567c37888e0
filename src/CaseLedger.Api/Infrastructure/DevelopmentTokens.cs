using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Signs tokens with the development key, as ops/token does: for tests, the demo loader and the benchmark, which
/// act as named users through the same authentication as any client. Production never accepts these.
/// </summary>
public static class DevelopmentTokens
{
    public static string Issue(string signingKey, string user, string role, DateTime? expires = null)
    {
        var until = expires ?? DateTime.UtcNow.AddHours(12);
        var from = until.AddHours(-13);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", user), new Claim("role", role)]),
            Issuer = AuthenticationSetup.DevelopmentIssuer,
            Audience = AuthenticationSetup.DevelopmentAudience,
            IssuedAt = from,
            NotBefore = from,
            Expires = until,
            SigningCredentials = new SigningCredentials(AuthenticationSetup.SigningKey(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
