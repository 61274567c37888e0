using Serilog.Events;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>A start an operator reads: nothing at warning or above that they could do nothing about.</summary>
[Collection(ApiCollection.Name)]
public sealed class StartupLogTests(AppFixture app)
{
    [Fact]
    public void Wolverine_handler_discovery_warns_of_nothing_at_start() =>
        Assert.DoesNotContain(app.Logs.From("Wolverine.Configuration.HandlerDiscovery"), e => e.Level >= LogEventLevel.Warning);
}
