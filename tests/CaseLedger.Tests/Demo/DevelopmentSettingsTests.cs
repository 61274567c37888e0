using CaseLedger.Client;

namespace CaseLedger.Tests.Demo;

/// <summary>
/// ops/token and the demo loader read the Development settings as strict JSON (no comments), so the file the API
/// ships must stay strict JSON with the development key in it.
/// </summary>
public sealed class DevelopmentSettingsTests
{
    [Fact]
    public void The_shipped_development_settings_are_strict_json_holding_the_development_key()
    {
        var settings = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "CaseLedger.Api", "appsettings.Development.json");
        var previous = Environment.GetEnvironmentVariable(DevelopmentSigningKey.Variable);
        Assert.True(string.IsNullOrEmpty(previous), "this check reads the file, so the environment must not override it");
        Assert.False(string.IsNullOrWhiteSpace(DevelopmentSigningKey.Read(settings)));
    }
}
