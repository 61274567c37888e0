using System.Security.Claims;
using CaseLedger.Api.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseLedger.Tests;

/// <summary>Real signed tokens, validated by the host exactly as ops/token's are.</summary>
public static class TestTokens
{
    public static string SigningKey { get; set; } = "";

    public static string For(string user, string role, DateTime? expires = null, string? key = null)
    {
        var notBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", user), new Claim("role", role)]),
            Issuer = AuthenticationSetup.DevelopmentIssuer,
            Audience = AuthenticationSetup.DevelopmentAudience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(AuthenticationSetup.SigningKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
