namespace CaseLedger.Api.Infrastructure;

/// <summary>The person acting, as authenticated: never taken from a request body.</summary>
public sealed record Actor(string UserId, string Role)
{
    public const string DevelopmentUserHeader = "X-Dev-User";
    public const string DevelopmentRoleHeader = "X-Dev-Role";

    /// <summary>
    /// Until token authentication lands, Development reads the acting user from two headers. Any other
    /// environment has no actor, so no write can be made outside Development with these headers.
    /// </summary>
    public static Actor? From(HttpContext http)
    {
        if (!http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment()) return null;
        var user = http.Request.Headers[DevelopmentUserHeader].ToString();
        var role = http.Request.Headers[DevelopmentRoleHeader].ToString();
        return string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(role) ? null : new Actor(user, role);
    }
}
