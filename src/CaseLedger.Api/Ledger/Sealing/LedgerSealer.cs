using System.Text.Json;
using CaseLedger.Api.Ledger.Leaves;
using CaseLedger.Api.Ledger.Merkle;
using CaseLedger.Api.Ledger.Signing;
using Marten.Events.Projections;

namespace CaseLedger.Api.Ledger.Sealing;

/// <summary>
/// Seals every event into the one Merkle log, in global sequence order, after it is committed: an async projection,
/// so the write path never waits for it, and the daemon records how far it got in the same transaction as the
/// leaves it wrote. A restart resumes after the last committed batch; a batch the daemon hands over again is
/// recognised by its sequences and sealed once. Each batch that grows the tree ends with a signed tree head.
/// </summary>
public sealed class LedgerSealer(TreeHeadSigner signer, TimeProvider clock) : IProjection
{
    public const string Name = "ledger-seal";

    // The tree as this sealer last left it. Trusted only while the daemon hands over events after it; anything
    // else (a restart, a retried batch, another node having sealed) reloads it from the tables.
    private SealedTree? tree;

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return;
        if (tree is null || events[0].Sequence <= tree.LastSequence)
            tree = await SealedTree.LoadAsync(operations, cancellation);
        var fresh = events.Where(e => e.Sequence > tree.LastSequence).ToList();
        if (fresh.Count == 0) return;

        var serializer = operations.DocumentStore.Options.Serializer();
        var hashes = fresh.Select(e => LeafHash(e, serializer)).ToList();
        var append = MerkleAppender.Append(tree.Size, tree.Frontier, hashes);
        operations.QueueSqlCommand(
            $"insert into {LedgerTables.Leaves} (leaf_index, seq_id, stream_id, version, leaf_hash) select * from unnest(?, ?, ?, ?, ?)",
            fresh.Select((_, i) => tree.Size + i).ToArray(), fresh.Select(e => e.Sequence).ToArray(),
            fresh.Select(e => e.StreamId).ToArray(), fresh.Select(e => e.Version).ToArray(), hashes.ToArray());
        operations.QueueSqlCommand(
            $"insert into {LedgerTables.Nodes} (level, idx, hash) select * from unnest(?, ?, ?)",
            append.Nodes.Select(node => node.Id.Level).ToArray(), append.Nodes.Select(node => node.Id.Index).ToArray(),
            append.Nodes.Select(node => node.Hash).ToArray());

        var head = signer.Sign(append.Size, MerkleAppender.RootFromFrontier(append.Size, append.Frontier), clock.GetUtcNow());
        operations.QueueSqlCommand(
            $"insert into {LedgerTables.Heads} (tree_size, root_hash, signed_at, key_id, signature) values (?, ?, ?, ?, ?) on conflict (tree_size) do nothing",
            head.TreeSize, head.RootHash, head.Timestamp, head.KeyId, head.Signature);

        tree = new SealedTree(append.Size, append.Frontier, fresh[^1].Sequence);
    }

    // The body as Marten's serializer writes it (see LedgerEvents.DataOf), parsed only for as long as the leaf is
    // written: the sealer hashes every event, and a copy of each body to keep would be garbage at once.
    private static byte[] LeafHash(IEvent e, ISerializer serializer)
    {
        using var data = JsonDocument.Parse(serializer.ToJson(e.Data));
        return LeafBytes.Hash(e, data.RootElement);
    }
}
