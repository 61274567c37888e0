namespace CaseLedger.Api.Ledger.Checks;

/// <summary>One way the stored rows and the sealed log disagree, named by the event it concerns (when there is
/// one) and what differs: a changed leaf, an event moved to another place, a row with no leaf before the log's end
/// (inserted), a leaf with no row (deleted), or a head or tree that does not check.</summary>
public sealed record LedgerMismatch(long? Sequence, Guid? StreamId, long? Version, string What, string Expected, string Actual);

/// <summary>What a check found: the head it checked against, how many events it recomputed, how many are not
/// sealed yet (committed in the last moment), and every mismatch.</summary>
public sealed record LedgerCheck(long? TreeSize, int Checked, int NotSealedYet, IReadOnlyList<LedgerMismatch> Mismatches)
{
    public bool Agrees => Mismatches.Count == 0;
}
