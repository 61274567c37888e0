using System.Threading.Channels;
using CaseLedger.Api.Ledger.Heads;
using CaseLedger.Api.Ledger.Merkle;
using CaseLedger.Api.Ledger.Sealing;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Api.Ledger.Checks;

/// <summary>
/// Recomputes leaves from the stored rows and holds them against the sealed log and its latest signed head. For
/// one inspection that is its own events and the head; for the whole log, every leaf is recomputed and the tree is
/// rebuilt from them, so even a consistent rewrite of rows and sealed tables fails at the signed root.
/// </summary>
public static class LedgerChecks
{
    private const int Page = 5_000;

    // How many rows the reading thread hands the comparing one at a time.
    private const int HandOver = 256;

    /// <summary>One inspection's rows against its sealed leaves and the latest signed head.</summary>
    /// <param name="replay">Given each event, as Marten decodes the row just checked, in sequence order: a caller that
    /// also replays the inspection (verify) does so in the same read of its rows.</param>
    public static async Task<LedgerCheck> InspectionAsync(
        Guid id, IQuerySession session, TreeHeadSigner signer, Action<IEvent> replay, CancellationToken cancellation)
    {
        // The rows are read and replayed here while the sealed leaves are read, and each row's leaf written, hashed and
        // compared, on a session and a thread of their own: either half alone took most of a core for an inspection
        // of 11,270 events, and they meet only at the rows, which wait in the channel until the leaves are in.
        await using var sealedSession = session.DocumentStore.QuerySession();
        // Handed over a batch at a time: one row at a time, the reader woke the comparing side for almost every row,
        // and the hand-over's lock and wake-ups took a third of the reading thread (thread-time profile).
        var rows = Channel.CreateUnbounded<List<StoredRows.StoredRow>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var comparing = CompareAsync(id, sealedSession, rows.Reader, cancellation);
        try
        {
            var batch = new List<StoredRows.StoredRow>(HandOver);
            await foreach (var (row, e) in StoredRows.WithEventsAsync(session, id, cancellation))
            {
                batch.Add(row);
                if (e is not null) replay(e); // a row Marten cannot decode is still compared, and named as changed
                if (batch.Count < HandOver) continue;
                rows.Writer.TryWrite(batch);
                batch = new List<StoredRows.StoredRow>(HandOver);
            }
            rows.Writer.TryWrite(batch);
        }
        catch
        {
            rows.Writer.Complete();
            await Task.WhenAny(comparing); // ended before its session is disposed; the read's failure is the one to report
            throw;
        }
        rows.Writer.Complete();
        var comparison = await comparing;
        var mismatches = comparison.Mismatches;
        var head = await StoredHeads.LatestAsync(session, cancellation);
        if (head is not null)
        {
            mismatches.AddRange(HeadMismatches(head, signer));
            var root = MerkleProofs.Root(head.TreeSize, await LedgerNodes.LoadAsync(session, MerkleProofs.RootNodes(head.TreeSize), cancellation));
            if (!root.SequenceEqual(head.RootHash))
                mismatches.Add(new(null, null, null, "tree", $"the signed root {Convert.ToBase64String(head.RootHash)}", $"the stored tree's root {Convert.ToBase64String(root)}"));
        }
        return new LedgerCheck(head?.TreeSize, comparison.Checked, comparison.NotSealedYet, mismatches);
    }

    private static async Task<LeafComparison> CompareAsync(
        Guid id, IQuerySession session, ChannelReader<List<StoredRows.StoredRow>> rows, CancellationToken cancellation)
    {
        var tree = await SealedTree.LoadAsync(session, cancellation);
        var comparison = new LeafComparison(await SealedLeafRows.OfStreamAsync(session, id, cancellation), tree.LastSequence);
        await foreach (var batch in rows.ReadAllAsync(cancellation))
            foreach (var row in batch) comparison.Row(row.LeafHash());
        comparison.Finish();
        return comparison;
    }

    public static async Task<LedgerCheck> WholeLogAsync(IQuerySession session, TreeHeadSigner signer, CancellationToken cancellation)
    {
        var tree = await SealedTree.LoadAsync(session, cancellation);
        var head = await StoredHeads.LatestAsync(session, cancellation);
        var mismatches = new List<LedgerMismatch>(head is null ? [] : HeadMismatches(head, signer));
        // From the lowest sequence there could be, not 1: a row forged below the first is history too.
        var (size, frontier, checkedCount, afterSequence) = (0L, (IReadOnlyList<byte[]>)[], 0, long.MinValue);
        byte[]? rootAtHead = head?.TreeSize == 0 ? MerkleHash.EmptyTree() : null;
        while (true)
        {
            var leaves = await SealedLeafRows.PageAsync(session, size, Page, cancellation);
            if (leaves.Count == 0) break;
            var comparison = new LeafComparison(leaves, tree.LastSequence);
            var recomputed = new Dictionary<long, byte[]>(leaves.Count);
            await foreach (var row in StoredRows.ReadAsync(session, afterSequence, leaves[^1].Sequence, cancellation))
                recomputed[row.Sequence] = comparison.Row(row);
            comparison.Finish();
            (checkedCount, afterSequence) = (checkedCount + comparison.Checked, leaves[^1].Sequence);
            mismatches.AddRange(comparison.Mismatches);

            // The tree again, from what the rows say now (a deleted row keeps its sealed hash, already reported).
            var hashes = leaves.Select(leaf => recomputed.GetValueOrDefault(leaf.Sequence) ?? leaf.Hash).ToList();
            // Appended in one go, split where the head's tree ends if it ends in this page, to take the root there.
            var toHead = head is { TreeSize: var headSize } && headSize > size && headSize <= size + hashes.Count ? (int)(headSize - size) : hashes.Count;
            foreach (var part in (List<byte[]>[])[hashes[..toHead], hashes[toHead..]])
            {
                if (part.Count == 0) continue;
                var grown = MerkleAppender.Append(size, frontier, part);
                (size, frontier) = (grown.Size, grown.Frontier);
                if (size == head?.TreeSize) rootAtHead = MerkleAppender.RootFromFrontier(size, frontier);
            }
        }
        if (head is not null && (rootAtHead is null || !rootAtHead.SequenceEqual(head.RootHash)))
            mismatches.Add(new(null, null, null, "tree", $"the signed root {Convert.ToBase64String(head.RootHash)} over {head.TreeSize} leaves",
                rootAtHead is null ? $"only {size} leaves" : $"the rows rebuild to {Convert.ToBase64String(rootAtHead)}"));
        var notSealed = (int)await StoredRows.CountAfterAsync(session, tree.LastSequence, cancellation);
        return new LedgerCheck(head?.TreeSize, checkedCount, notSealed, mismatches);
    }

    private static IEnumerable<LedgerMismatch> HeadMismatches(TreeHead head, TreeHeadSigner signer)
    {
        if (!signer.Verify(head))
            yield return new(null, null, null, "head", $"a head signed by one of the ledger's keys (tree size {head.TreeSize})", "a signature that does not check");
    }
}
