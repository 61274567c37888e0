using CaseLedger.Api.Ledger.Sealing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace CaseLedger.Tests.Ledger.Sealing;

/// <summary>Sealing is on unless switched off, and only Development may switch it off.</summary>
public class LedgerSealingSwitchTests
{
    private static LedgerSealing From(string environment, string? enabled) =>
        LedgerSealing.From(
            new ConfigurationBuilder().AddInMemoryCollection(enabled is null ? [] : [new(LedgerSealing.Key, enabled)]).Build(),
            new HostingEnvironment { EnvironmentName = environment });

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Development_seals_unless_switched_off(string? enabled, bool seals) =>
        Assert.Equal(seals, From(Environments.Development, enabled).Enabled);

    [Fact]
    public void Outside_development_sealing_is_on_and_cannot_be_switched_off()
    {
        Assert.True(From(Environments.Production, null).Enabled);
        var refused = Assert.Throws<InvalidOperationException>(() => From(Environments.Staging, "false"));
        Assert.Contains("Ledger:Sealing:Enabled is false outside Development (Staging)", refused.Message);
    }
}
