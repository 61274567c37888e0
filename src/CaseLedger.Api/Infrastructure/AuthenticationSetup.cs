using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Bearer tokens (JWT): the <c>sub</c> claim is the user, the <c>role</c> claim one of <see cref="Roles"/>.
/// Development signs its own tokens with a key from configuration (ops/token prints one); any other environment
/// validates tokens from a configured OpenID Connect authority and refuses to start with the development key.
/// Every API endpoint needs a valid token (see <see cref="HttpApiSetup"/>); health, OpenAPI and the reference page
/// do not, and an unknown route stays a plain 404.
/// </summary>
public static class AuthenticationSetup
{
    public const string Section = "Authentication";
    public const string DevelopmentIssuer = "caseledger-development";
    public const string DevelopmentAudience = "caseledger";
    private const int MinimumKeyBytes = 32;

    public static WebApplicationBuilder AddTokenAuthentication(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(Section);
        var developmentKey = settings["DevelopmentSigningKey"];
        var authority = settings["Authority"];
        var development = builder.Environment.IsDevelopment();

        if (!development && !string.IsNullOrEmpty(developmentKey))
            throw new InvalidOperationException(
                "Authentication:DevelopmentSigningKey is set outside Development. Remove it and configure Authentication:Authority and Authentication:Audience.");
        if (development && string.IsNullOrEmpty(developmentKey))
            throw new InvalidOperationException("Development needs Authentication:DevelopmentSigningKey (appsettings.Development.json has one).");
        if (!development && string.IsNullOrEmpty(authority))
            throw new InvalidOperationException(
                "No token issuer configured: set Authentication__Authority (the OpenID Connect authority) and Authentication__Audience.");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = UserClaims.User;
            options.TokenValidationParameters.RoleClaimType = UserClaims.Role;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            options.Events = new JwtBearerEvents { OnTokenValidated = RequireOneUserAndOneRole };
            if (development)
            {
                options.TokenValidationParameters.ValidIssuer = DevelopmentIssuer;
                options.TokenValidationParameters.ValidAudience = DevelopmentAudience;
                options.TokenValidationParameters.IssuerSigningKey = SigningKey(developmentKey!);
            }
            else
            {
                options.Authority = authority;
                options.Audience = settings["Audience"];
                options.RequireHttpsMetadata = settings.GetValue("RequireHttpsMetadata", true);
            }
        });

        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>A signature proves who issued a token, not that it says what this API needs (see <see cref="UserClaims"/>).</summary>
    private static Task RequireOneUserAndOneRole(TokenValidatedContext context)
    {
        if (UserClaims.Problem(context.Principal) is { } problem) context.Fail(problem);
        return Task.CompletedTask;
    }

    public static SymmetricSecurityKey SigningKey(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        if (bytes.Length < MinimumKeyBytes)
            throw new InvalidOperationException($"Authentication:DevelopmentSigningKey must be at least {MinimumKeyBytes} bytes.");
        return new SymmetricSecurityKey(bytes);
    }
}
