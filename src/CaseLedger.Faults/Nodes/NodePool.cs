namespace CaseLedger.Faults.Nodes;

/// <summary>The nodes behind a load balancer: a write goes to a node the balancer believes is up, and a retry to
/// the next one. With every node down it still tries one, as a client with a stale view would.</summary>
public sealed class NodePool(IReadOnlyList<ApiNode> nodes)
{
    public ApiNode Pick(int turn)
    {
        var up = nodes.Where(n => n.Up).ToList();
        var from = up.Count > 0 ? up : nodes;
        return from[turn % from.Count];
    }
}
