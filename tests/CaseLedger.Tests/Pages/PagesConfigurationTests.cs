using CaseLedger.Api.ThemeViews;
using CaseLedger.Api.YotViews;
using CaseLedger.Api.Pages;
using CaseLedger.Api.Scores;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CaseLedger.Tests.Pages;

/// <summary>Outside Development the pages sign in through OpenID Connect against the API's own authority, and the
/// development sign-in route does not exist; without a client id for them the pages are not served at all.</summary>
public sealed class PagesConfigurationTests
{
    private static WebApplication Production(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(
            new[] { ("Authentication:Authority", "https://login.example.test"), ("Authentication:Audience", "caseledger") }.Concat(settings)
                .Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2)));
        builder.AddTokenAuthentication();
        builder.AddPages();
        // The page handlers name these; their routes can be listed without a database behind them.
        builder.Services.AddScoped<IQuerySession>(_ => throw new InvalidOperationException("no database in this test"));
        builder.Services.AddSingleton<ScoringSchemes>(_ => throw new InvalidOperationException("not needed"));
        builder.Services.AddSingleton<FrameworkCatalog>(_ => throw new InvalidOperationException("not needed"));
        builder.Services.AddSingleton<YotTimelineProjection>(_ => throw new InvalidOperationException("not needed"));
        builder.Services.AddSingleton<ThemeTimelineProjection>(_ => throw new InvalidOperationException("not needed"));
        var app = builder.Build();
        app.MapPages();
        return app;
    }

    private static List<string> Routes(WebApplication app) =>
        [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().Select(endpoint => endpoint.RoutePattern.RawText!)];

    [Fact]
    public async Task Production_pages_challenge_through_openid_connect_with_the_apis_authority_and_no_development_sign_in()
    {
        await using var app = Production(("Authentication:Pages:ClientId", "caseledger-pages"));

        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(PagesSetup.CookieScheme);
        var oidc = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(PagesSetup.OpenIdScheme);
        Assert.Equal(PagesSetup.OpenIdScheme, cookie.ForwardChallenge);
        Assert.Equal(CookieSecurePolicy.Always, cookie.Cookie.SecurePolicy);
        Assert.Equal(("https://login.example.test", "caseledger-pages", "code", true, false),
            (oidc.Authority, oidc.ClientId, oidc.ResponseType, oidc.UsePkce, oidc.MapInboundClaims));
        var routes = Routes(app);
        Assert.Contains("/app/inspections/{id:guid}", routes);
        Assert.DoesNotContain("/app/sign-in", routes);
    }

    [Fact]
    public async Task Production_without_a_client_id_for_the_pages_serves_none()
    {
        await using var app = Production();

        Assert.DoesNotContain(Routes(app), route => route.StartsWith("/app", StringComparison.Ordinal));
    }
}
