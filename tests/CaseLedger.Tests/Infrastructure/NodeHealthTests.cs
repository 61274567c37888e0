using Microsoft.Extensions.Configuration;
using Wolverine;

namespace CaseLedger.Tests.Infrastructure;

public sealed class NodeHealthTests
{
    private static NodeHealth From(params (string Key, string Value)[] settings) =>
        NodeHealth.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"CaseLedger:Nodes:{s.Key}", s.Value)))
            .Build());

    [Fact]
    public void By_default_a_node_beats_every_second_and_is_ejected_after_three_silent_ones()
    {
        var durability = new WolverineOptions().Durability;

        From().ApplyTo(durability);

        Assert.Equal(TimeSpan.FromSeconds(1), durability.HealthCheckPollingTime);
        Assert.Equal(TimeSpan.FromSeconds(1), durability.FirstHealthCheckExecution);
        Assert.Equal(TimeSpan.FromSeconds(3), durability.StaleNodeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), durability.CheckAssignmentPeriod);
    }

    [Fact]
    public void An_operator_may_slow_it_down()
    {
        var health = From(("HeartbeatSeconds", "5"), ("StaleAfterSeconds", "30"), ("AssignmentCheckSeconds", "30"));

        Assert.Equal(new NodeHealth(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)), health);
    }

    [Theory]
    [InlineData("HeartbeatSeconds", "2", "StaleAfterSeconds", "4")] // two beats missed is not silence
    [InlineData("HeartbeatSeconds", "0", "StaleAfterSeconds", "3")]
    [InlineData("HeartbeatSeconds", "1", "StaleAfterSeconds", "-1")]
    [InlineData("HeartbeatSeconds", "1", "StaleAfterSeconds", "601")]
    public void A_setting_that_would_eject_live_nodes_or_makes_no_sense_stops_the_start(string key, string value, string otherKey, string other)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => From((key, value), (otherKey, other)));

        Assert.Contains("CaseLedger:Nodes:", refused.Message);
    }
}
