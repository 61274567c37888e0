using CaseLedger.Api.Ledger.Heads;
using CaseLedger.Api.Ledger.Merkle;
using CaseLedger.Api.Ledger.Sealing;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Api.Ledger.Proofs;

/// <summary>
/// Proof that one committed event is in the signed log: its leaf, the first signed head whose tree holds it, and
/// its RFC 9162 inclusion path into that head. A reader keeps the receipt and needs nothing else to check it later
/// but the public key.
/// </summary>
public sealed record LeafReceipt(long Sequence, long LeafIndex, string LeafHash, TreeHead Head, IReadOnlyList<string> Path)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Waits, up to <paramref name="within"/>, for the sealer (a moment behind commit) to seal the event of
    /// <paramref name="sequence"/>, then gives its receipt; null if it is not sealed by then. Each look is one keyed
    /// read of the leaves table, on a session of its own so it sees the sealer's latest commit.
    /// </summary>
    public static async Task<LeafReceipt?> AwaitAsync(
        IDocumentStore store, long sequence, TimeSpan within, TimeProvider clock, CancellationToken cancellation)
    {
        var deadline = clock.GetUtcNow() + within;
        while (true)
        {
            await using var session = store.QuerySession();
            if ((await SealedLeaves.ForSequencesAsync(session, [sequence], cancellation)).GetValueOrDefault(sequence) is { } leaf
                && await StoredHeads.CoveringAsync(session, leaf.LeafIndex, cancellation) is { } head)
            {
                var nodes = await LedgerNodes.LoadAsync(session, MerkleProofs.NodesForInclusion(leaf.LeafIndex, head.TreeSize), cancellation);
                var path = MerkleProofs.Inclusion(leaf.LeafIndex, head.TreeSize, nodes).Select(Convert.ToBase64String).ToList();
                return new LeafReceipt(sequence, leaf.LeafIndex, leaf.LeafHash, head, path);
            }
            if (clock.GetUtcNow() >= deadline) return null;
            await Task.Delay(PollEvery, clock, cancellation);
        }
    }
}
