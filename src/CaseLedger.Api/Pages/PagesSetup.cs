using CaseLedger.Api.Pages.Inspections;
using CaseLedger.Api.Pages.SignIn;
using CaseLedger.Api.Pages.Views;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CaseLedger.Api.Pages;

/// <summary>
/// The pages for people under <c>/app</c> (DESIGN §14): server-rendered Razor components, signed in with a cookie
/// of their own. The API never accepts that cookie (its default scheme stays the bearer token), so a page's
/// cookie cannot be turned against the API from another site. In Development the cookie comes from a chooser of
/// the demo users; elsewhere from OpenID Connect against the API's own authority, so a person has the same user
/// and role on both. Without a client id configured for them, the pages are not served at all.
/// </summary>
public static class PagesSetup
{
    public const string CookieScheme = "pages";
    public const string OpenIdScheme = "pages-oidc";
    public const string Policy = "pages";
    public const string Root = "/app";
    private const string Section = "Authentication:Pages";

    public static bool Served(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() || !string.IsNullOrEmpty(configuration[$"{Section}:ClientId"]);

    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        if (!Served(builder.Configuration, builder.Environment)) return builder;
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddRazorComponents();
        var authentication = builder.Services.AddAuthentication().AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = "caseledger-pages";
            cookie.Cookie.Path = Root;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = SignInEndpoints.Path;
            cookie.ReturnUrlParameter = "returnUrl";
            if (!development) cookie.ForwardChallenge = OpenIdScheme;
        });
        if (!development) authentication.AddOpenIdConnect(OpenIdScheme, oidc => ConfigureOpenId(oidc, builder.Configuration));

        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(CookieScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => UserClaims.Problem(context.User) is null));
        return builder;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        if (!Served(app.Configuration, app.Environment)) return app;
        app.MapSignIn(app.Environment.IsDevelopment());
        app.MapPageAssets();
        var pages = app.MapGroup(Root).RequireAuthorization(Policy).ExcludeFromDescription();
        pages.MapHomePage();
        pages.MapInspectionPages();
        pages.MapViewPages();
        return app;
    }

    /// <summary>The authorization code flow with PKCE; the id token must say who and in which role, as an API token does.</summary>
    private static void ConfigureOpenId(OpenIdConnectOptions oidc, IConfiguration configuration)
    {
        var settings = configuration.GetSection(AuthenticationSetup.Section);
        oidc.Authority = settings["Authority"];
        oidc.ClientId = configuration[$"{Section}:ClientId"];
        oidc.ClientSecret = configuration[$"{Section}:ClientSecret"];
        oidc.RequireHttpsMetadata = settings.GetValue("RequireHttpsMetadata", true);
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        oidc.SignInScheme = CookieScheme;
        oidc.CallbackPath = $"{Root}/signin-oidc";
        oidc.SignedOutCallbackPath = $"{Root}/signout-callback-oidc";
        oidc.MapInboundClaims = false;
        oidc.SaveTokens = false;
        oidc.TokenValidationParameters.NameClaimType = UserClaims.User;
        oidc.TokenValidationParameters.RoleClaimType = UserClaims.Role;
        oidc.Events.OnTokenValidated = context =>
        {
            if (UserClaims.Problem(context.Principal) is { } problem) context.Fail(problem);
            return Task.CompletedTask;
        };
    }
}
