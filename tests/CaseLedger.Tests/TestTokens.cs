namespace CaseLedger.Tests;

/// <summary>Real signed tokens, validated by the host exactly as ops/token's are.</summary>
public static class TestTokens
{
    public static string SigningKey { get; set; } = "";

    public static string For(string user, string role, DateTime? expires = null, string? key = null) =>
        DevelopmentTokens.Issue(key ?? SigningKey, user, role, expires ?? DateTime.UtcNow.AddHours(1));

    /// <summary>A validly signed token carrying exactly these claims.</summary>
    public static string WithClaims(IDictionary<string, object> claims) =>
        DevelopmentTokens.Issue(SigningKey, claims, DateTime.UtcNow.AddHours(1));
}
