using CaseLedger.Api.Ledger.Export;
using CaseLedger.Api.Ledger.Merkle;

namespace CaseLedger.Verifier;

/// <summary>
/// Holds an export against what the auditor kept from before. The two signed heads must be one growing log (equal
/// roots at one size, or an RFC 9162 consistency proof between sizes), so nothing sealed then can have been
/// rewritten since. Given a whole earlier export, every event in it must still be in this one, at the same leaf,
/// with the same bytes: that is what finds a deleted tail, which the later export alone cannot show.
/// </summary>
public static class EarlierCheck
{
    public static List<string> Verify(ExportFile export, EarlierRecord earlier)
    {
        var failures = new List<string>();
        var (before, now) = (earlier.Head, export.Head);
        if (ExportCheck.HeadFailure(before, [.. export.Keys, .. earlier.Export?.Keys ?? []]) is { } unsigned)
            failures.Add($"earlier head: {unsigned}");
        if (before.TreeSize > now.TreeSize)
            failures.Add($"the earlier head is of {before.TreeSize} leaves, more than this export's {now.TreeSize}: export at treeSize={before.TreeSize} or later.");
        else if (before.TreeSize == now.TreeSize)
        {
            if (!before.RootHash.AsSpan().SequenceEqual(now.RootHash))
                failures.Add($"the two heads sign different roots for the same {now.TreeSize} leaves: the log was rewritten.");
        }
        else if (export.Consistency is not { } proof || proof.First != before.TreeSize || proof.Second != now.TreeSize)
            failures.Add($"the export carries no consistency proof from {before.TreeSize} leaves: export again with since={before.TreeSize}.");
        else if (before.TreeSize == 0 || !MerkleVerifier.VerifyConsistency(before.TreeSize, now.TreeSize, before.RootHash, now.RootHash, proof.Path))
            failures.Add($"the log of {now.TreeSize} leaves does not extend the earlier one of {before.TreeSize}: what was sealed then was rewritten.");

        if (earlier.Export is { } then)
        {
            if (then.InspectionId != export.InspectionId)
                failures.Add($"the earlier export is of inspection {then.InspectionId}, not {export.InspectionId}.");
            failures.AddRange(ExportCheck.Verify(then).Select(failure => $"earlier export: {failure}"));
            failures.AddRange(Vanished(then, export));
        }
        return failures;
    }

    private static IEnumerable<string> Vanished(ExportFile then, ExportFile now)
    {
        var current = now.Events.ToDictionary(e => e.Sequence);
        foreach (var e in then.Events.Where(e => e is { LeafIndex: not null, Leaf: not null }))
        {
            if (!current.TryGetValue(e.Sequence, out var still))
                yield return $"{ExportCheck.Name(e)}: was in the earlier export at leaf {e.LeafIndex}, and is gone from this one.";
            else if (still.LeafIndex != e.LeafIndex)
                yield return $"{ExportCheck.Name(e)}: was at leaf {e.LeafIndex} in the earlier export, and is listed at leaf {still.LeafIndex?.ToString() ?? "none"} now.";
            else if (still.Leaf is { } leaf && !leaf.AsSpan().SequenceEqual(e.Leaf))
                yield return $"{ExportCheck.Name(e)}: its row has changed since the earlier export.";
        }
    }
}
