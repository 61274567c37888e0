using CaseLedger.Api.Inspections;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace CaseLedger.Api.Pages.SignIn;

/// <summary>
/// Signing in to the pages. In Development, <c>GET /app/sign-in</c> shows a chooser of the demo users, and
/// <c>GET /app/sign-in?user=U&amp;role=R&amp;returnUrl=...</c> signs in directly (the chooser's form does just that,
/// and so can scripts and tests). Outside Development that route does not exist: the cookie's challenge goes to
/// OpenID Connect. Signing out is a form post with an antiforgery token, so no other site can sign a reader out.
/// </summary>
public static class SignInEndpoints
{
    public const string Path = PagesSetup.Root + "/sign-in";

    public static void MapSignIn(this WebApplication app, bool development)
    {
        if (development)
            app.MapGet(Path, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        // Signed in with the pages' cookie, so that the antiforgery token is checked against the same reader it was issued to.
        app.MapPost(PagesSetup.Root + "/sign-out", SignOutAsync).RequireAuthorization(PagesSetup.Policy).ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(string? user, string? role, string? returnUrl, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (user is null && role is null)
            return PageResults.Page<ChooserPage>(new { Choices = await DemoUsersAsync(session, cancellation), ReturnUrl = LocalReturn(returnUrl) ?? PagesSetup.Root });

        var errors = new FieldErrors();
        if (UserClaims.UserProblem(user) is { } userProblem) errors.Add("user", userProblem);
        if (role is null || !Roles.All.Contains(role)) errors.Add("role", $"must be one of {string.Join(", ", Roles.All)}.");
        if (returnUrl is not null && LocalReturn(returnUrl) is null) errors.Add("returnUrl", $"must be a path on this site under {PagesSetup.Root}.");
        if (errors.ToRejection() is { } invalid) return PageResults.Page<ChooserPage>(new
        {
            Choices = await DemoUsersAsync(session, cancellation),
            ReturnUrl = LocalReturn(returnUrl) ?? PagesSetup.Root,
            Errors = invalid.Errors,
        }, StatusCodes.Status400BadRequest);

        await http.SignInAsync(PagesSetup.CookieScheme, UserClaims.Principal(user!, role!, PagesSetup.CookieScheme));
        return Results.Redirect(LocalReturn(returnUrl) ?? PagesSetup.Root);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, IWebHostEnvironment environment)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-out form was not this site's own; sign out from a CaseLedger page.");
        await http.SignOutAsync(PagesSetup.CookieScheme);
        if (!environment.IsDevelopment())
            return Results.SignOut(new AuthenticationProperties { RedirectUri = PagesSetup.Root }, [PagesSetup.OpenIdScheme]);
        return Results.Redirect(Path);
    }

    /// <summary>Only a path of the pages' own: never another host, never a scheme-relative <c>//host</c>.</summary>
    public static string? LocalReturn(string? returnUrl) =>
        returnUrl is not null && (returnUrl == PagesSetup.Root || returnUrl.StartsWith(PagesSetup.Root + "/", StringComparison.Ordinal) || returnUrl.StartsWith(PagesSetup.Root + "?", StringComparison.Ordinal))
        && !returnUrl.Contains('\\') && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : null;

    /// <summary>Every inspection team's members in the roles their tokens carry, and one reader of each other role.</summary>
    private static async Task<IReadOnlyList<ChooserPage.Choice>> DemoUsersAsync(IQuerySession session, CancellationToken cancellation)
    {
        var headers = await session.Query<InspectionHeader>().ToListAsync(cancellation);
        var team = headers.OrderBy(header => header.Yot.Code, StringComparer.Ordinal).SelectMany(header => header.Team.Select(member =>
            new ChooserPage.Choice(member.UserId, member.Role == TeamRoles.LeadInspector ? Roles.LeadInspector : Roles.Inspector, header.Title)));
        return
        [
            new("auditor-1", Roles.Auditor, "reads every inspection and its history"),
            new("reporting-client-1", Roles.ReportingClient, "the published record only"),
            new("admin-1", Roles.Admin, "keeps the register; reads no inspection"),
            .. team.DistinctBy(choice => (choice.User, choice.Role)),
        ];
    }
}
