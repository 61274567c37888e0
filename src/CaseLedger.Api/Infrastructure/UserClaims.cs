using System.Security.Claims;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// What a signed-in user must be, however they signed in (a bearer token, the pages' cookie, OpenID Connect): one
/// non-blank <c>sub</c> fit to be stored as who acted, and exactly one <c>role</c> that is one of
/// <see cref="Roles"/>. Checked once at sign-in, so every route and <see cref="Actor.From"/> can rely on it. A
/// <c>role</c> sent as a JSON array arrives as several claims (inbound claim mapping is off) and would otherwise
/// pass every role check it names.
/// </summary>
public static class UserClaims
{
    public const string User = "sub";
    public const string Role = "role";
    public const int MaxUserLength = 256;

    /// <summary>Why these claims do not make a user of this API, or null when they do.</summary>
    public static string? Problem(ClaimsPrincipal? principal)
    {
        var users = principal?.FindAll(User).Select(claim => claim.Value).ToList() ?? [];
        var roles = principal?.FindAll(Role).Select(claim => claim.Value).ToList() ?? [];
        if (users is not [var user] || UserProblem(user) is not null)
            return "The token must name one user in its 'sub' claim.";
        if (roles is not [var role] || !Roles.All.Contains(role))
            return $"The token must carry exactly one 'role' claim: one of {string.Join(", ", Roles.All)}.";
        return null;
    }

    /// <summary>Why this user name cannot be stored as who acted, or null when it can.</summary>
    public static string? UserProblem(string? user) =>
        string.IsNullOrWhiteSpace(user) ? "is required."
        : user.Length > MaxUserLength ? $"is longer than {MaxUserLength} characters."
        : user.Any(char.IsControl) ? "contains a control character."
        : null;

    public static ClaimsPrincipal Principal(string user, string role, string authenticationType) =>
        new(new ClaimsIdentity([new Claim(User, user), new Claim(Role, role)], authenticationType, User, Role));
}
