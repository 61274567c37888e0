using CaseLedger.Api.Ledger.Merkle;
using CaseLedger.Api.Ledger.Sealing;
using CaseLedger.Bench.Stats;
using Npgsql;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Measure 6: inclusion and consistency proofs against the latest signed head, which after the load covers every
/// event at this scale, asked for by a reporting client; p50 and p99 of sequential requests for leaves and
/// earlier sizes drawn at random. The baseline is the raw lookup of the same stored subtree hashes in one query,
/// the substance of a proof; the product adds reading the sealed size, the bound checks, assembling the path, and
/// HTTP, authentication and JSON.
/// </summary>
public sealed class LedgerProofs : IMeasure
{
    public string Name => "6. ledger proofs";

    private const string BaselineWork = "one query fetching the proof's stored subtree hashes by (level, index)";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var size = await LatestHeadSizeAsync(context, cancellation);
        var random = new Random(Draws.SeedFor(context.Options.Seed, -6));
        var leaves = Enumerable.Range(0, context.Options.Samples).Select(_ => random.NextInt64(size)).ToList();
        var earlier = Enumerable.Range(0, context.Options.Samples).Select(_ => 1 + random.NextInt64(size)).ToList();
        var note = $"latest head: {size:N0} leaves; {context.Options.Samples} proofs each";

        var inclusion = await BothAsync(context,
            leaves.Select(leaf => $"/ledger/proofs/inclusion?leafIndex={leaf}&treeSize={size}"),
            leaves.Select(leaf => MerkleProofs.NodesForInclusion(leaf, size).Append(new NodeId(0, leaf))), cancellation);
        var consistency = await BothAsync(context,
            earlier.Select(first => $"/ledger/proofs/consistency?first={first}&second={size}"),
            earlier.Select(first => (IEnumerable<NodeId>)MerkleProofs.NodesForConsistency(first, size)), cancellation);
        return
        [
            new(Name, "inclusion proof: p50", "ms", false, inclusion.Product.P50, inclusion.Raw.P50, BaselineWork, Note: note),
            new(Name, "inclusion proof: p99", "ms", false, inclusion.Product.P99, inclusion.Raw.P99, BaselineWork),
            new(Name, "consistency proof: p50", "ms", false, consistency.Product.P50, consistency.Raw.P50, BaselineWork, Note: note),
            new(Name, "consistency proof: p99", "ms", false, consistency.Product.P99, consistency.Raw.P99, BaselineWork),
        ];
    }

    /// <summary>Times both sides in turn, after one untimed request that compiles the endpoint's handler.</summary>
    private static async Task<(Latencies Product, Latencies Raw)> BothAsync(
        BenchContext context, IEnumerable<string> paths, IEnumerable<IEnumerable<NodeId>> nodes, CancellationToken cancellation)
    {
        await context.Api.SendAsync(context.Api.Get(paths.First(), "bench-reporting", Roles.ReportingClient), cancellation);
        var raw = await ClientRun.SequentialAsync([.. nodes.Select(ids => ids.ToList()).Select(ids =>
            (Func<CancellationToken, Task>)(ct => LookUpAsync(context.Product, ids, ct)))], cancellation);
        var product = await ClientRun.SequentialAsync([.. paths.Select(path => context.Api.Get(path, "bench-reporting", Roles.ReportingClient))
            .Select(request => (Func<CancellationToken, Task>)(ct => context.Api.SendAsync(request, ct)))], cancellation);
        return (product.Latencies, raw.Latencies);
    }

    private static async Task LookUpAsync(NpgsqlDataSource data, IReadOnlyList<NodeId> ids, CancellationToken cancellation)
    {
        await using var command = data.CreateCommand($"""
            select n.hash from unnest($1, $2) as wanted(level, idx) join {LedgerTables.Nodes} n on n.level = wanted.level and n.idx = wanted.idx
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.Select(id => id.Level).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = ids.Select(id => id.Index).ToArray() });
        var found = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) found++;
        if (found != ids.Count) throw new BenchFailure($"The raw lookup found {found} of a proof's {ids.Count} stored hashes.");
    }

    private static async Task<long> LatestHeadSizeAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var command = context.Product.CreateCommand($"select coalesce(max(tree_size), 0) from {LedgerTables.Heads}");
        return await command.ExecuteScalarAsync(cancellation) is long size and > 1
            ? size
            : throw new BenchFailure("No signed head covers more than one leaf: there is no proof to time.");
    }
}
