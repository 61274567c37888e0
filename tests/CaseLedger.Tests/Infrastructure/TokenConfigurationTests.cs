using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CaseLedger.Tests.Infrastructure;

public sealed class TokenConfigurationTests
{
    private static WebApplicationBuilder Builder(string environment, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    [Fact]
    public void The_development_key_is_refused_outside_development()
    {
        var builder = Builder(Environments.Production,
            ("Authentication:DevelopmentSigningKey", "caseledger-development-signing-key-not-for-production-use"),
            ("Authentication:Authority", "https://login.example.test"));

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddTokenAuthentication());
        Assert.Contains("DevelopmentSigningKey", refused.Message);
    }

    [Fact]
    public void Production_without_an_authority_refuses_to_start()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Builder(Environments.Production).AddTokenAuthentication());
        Assert.Contains("Authentication__Authority", refused.Message);
    }

    [Fact]
    public void Production_with_an_authority_starts()
    {
        var builder = Builder(Environments.Production, ("Authentication:Authority", "https://login.example.test"), ("Authentication:Audience", "caseledger"));

        builder.AddTokenAuthentication();
    }
}
