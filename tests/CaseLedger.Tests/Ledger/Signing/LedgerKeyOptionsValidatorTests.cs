using System.Security.Cryptography;
using CaseLedger.Api.Ledger.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CaseLedger.Tests.Ledger.Signing;

public class LedgerKeyOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(string environment, LedgerKeyOptions options) =>
        new LedgerKeyOptionsValidator(new HostingEnvironment { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory })
            .Validate(null, options);

    [Fact]
    public void Outside_development_a_missing_key_file_is_refused_naming_the_setting()
    {
        var result = Validate(Environments.Production, new LedgerKeyOptions());
        Assert.True(result.Failed);
        Assert.Contains("Ledger:Signing:ActiveKeyFile", result.FailureMessage);
        Assert.Contains("Ledger__Signing__ActiveKeyFile", result.FailureMessage);
    }

    [Fact]
    public void Outside_development_an_inline_key_is_refused_even_the_demo_key()
    {
        var result = Validate(Environments.Staging, new LedgerKeyOptions { ActiveKeyPem = TestKeys.DemoPem() });
        Assert.True(result.Failed);
        Assert.Contains("Ledger:Signing:ActiveKeyPem is set outside Development", result.FailureMessage);
    }

    [Fact]
    public void A_key_file_that_does_not_exist_is_refused()
    {
        var result = Validate(Environments.Production, new LedgerKeyOptions { ActiveKeyFile = "no-such-key.pem" });
        Assert.True(result.Failed);
        Assert.Contains("Ledger:Signing:ActiveKeyFile names", result.FailureMessage);
        Assert.Contains("does not exist", result.FailureMessage);
    }

    [Fact]
    public void Development_starts_with_the_demo_key() =>
        Assert.True(Validate(Environments.Development, new LedgerKeyOptions { ActiveKeyPem = TestKeys.DemoPem() }).Succeeded);

    [Fact]
    public void A_public_key_cannot_be_the_active_key()
    {
        using var key = TestKeys.NewP256();
        var result = Validate(Environments.Development, new LedgerKeyOptions { ActiveKeyPem = key.ExportSubjectPublicKeyInfoPem() });
        Assert.Contains("the active key must be a private key", result.FailureMessage);
    }

    [Fact]
    public void A_key_on_another_curve_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var result = Validate(Environments.Development, new LedgerKeyOptions { ActiveKeyPem = key.ExportPkcs8PrivateKeyPem() });
        Assert.Contains("another curve", result.FailureMessage);
    }

    [Fact]
    public void An_unreadable_published_key_is_refused_by_its_place()
    {
        var options = new LedgerKeyOptions { ActiveKeyPem = TestKeys.DemoPem(), PublishedKeysPem = ["not a key"] };
        Assert.Contains("Ledger:Signing:PublishedKeysPem:0 is not a PEM-encoded EC key", Validate(Environments.Development, options).FailureMessage);
    }

    [Fact]
    public void A_production_host_without_a_key_file_does_not_start()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production, ContentRootPath = Path.GetTempPath(),
        });
        builder.AddLedgerSigning();
        using var app = builder.Build();

        var refused = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Ledger:Signing:ActiveKeyFile", refused.Message);
    }

    [Fact]
    public void A_development_host_binds_the_section_and_signs_with_its_key()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development, ContentRootPath = Path.GetTempPath(),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Ledger:Signing:ActiveKeyPem"] = TestKeys.DemoPem() });
        builder.AddLedgerSigning();
        using var app = builder.Build();

        app.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(TestKeys.DemoKeyId, app.Services.GetRequiredService<LedgerKeys>().ActiveKeyId);
    }
}
