using Wolverine;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// How fast a cluster of nodes notices one has died and moves its views to a survivor (issue 16). Every node
/// writes a heartbeat each <see cref="Heartbeat"/>; a node whose heartbeat is older than <see cref="StaleAfter"/>
/// on two checks running is ejected, and the leader hands its views to the survivors at once. Wolverine's
/// defaults wait about a minute, which ops/faults measured as a view standing still for 57–59 s. A node is ejected
/// only after <see cref="StaleAfter"/> and two missed checks, so a database pause shorter than that ejects no one.
/// </summary>
public sealed record NodeHealth(TimeSpan Heartbeat, TimeSpan StaleAfter, TimeSpan AssignmentCheck)
{
    public static NodeHealth From(IConfiguration configuration)
    {
        var section = configuration.GetSection("CaseLedger:Nodes");
        var heartbeat = Seconds(section, "HeartbeatSeconds", 1);
        var stale = Seconds(section, "StaleAfterSeconds", 3);
        if (stale <= heartbeat * 2)
            throw new InvalidOperationException(
                $"CaseLedger:Nodes:StaleAfterSeconds ({stale.TotalSeconds} s) must be more than twice HeartbeatSeconds ({heartbeat.TotalSeconds} s), or live nodes are ejected between beats.");
        return new NodeHealth(heartbeat, stale, Seconds(section, "AssignmentCheckSeconds", 5));
    }

    public void ApplyTo(DurabilitySettings durability)
    {
        durability.FirstHealthCheckExecution = Heartbeat;
        durability.HealthCheckPollingTime = Heartbeat;
        durability.StaleNodeTimeout = StaleAfter;
        durability.CheckAssignmentPeriod = AssignmentCheck;
    }

    private static TimeSpan Seconds(IConfiguration section, string key, double fallback)
    {
        var seconds = section.GetValue(key, fallback);
        return seconds > 0 && seconds <= 600
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"CaseLedger:Nodes:{key} must be between 0 and 600 seconds, not {seconds}.");
    }
}
