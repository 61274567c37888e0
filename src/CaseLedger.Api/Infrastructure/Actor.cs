namespace CaseLedger.Api.Infrastructure;

/// <summary>The person acting, as their token says: never taken from a request body.</summary>
public sealed record Actor(string UserId, string Role)
{
    public static Actor? From(HttpContext http)
    {
        var user = http.User.FindFirst("sub")?.Value;
        var role = http.User.FindFirst("role")?.Value;
        return string.IsNullOrWhiteSpace(user) || role is null || !Roles.All.Contains(role) ? null : new Actor(user, role);
    }

    public bool IsAuditor => Role == Roles.Auditor;
}
