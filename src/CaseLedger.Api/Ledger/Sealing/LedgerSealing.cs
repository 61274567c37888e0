namespace CaseLedger.Api.Ledger.Sealing;

/// <summary>
/// Whether this host seals (configuration <c>Ledger:Sealing:Enabled</c>, on unless set). Off exists for one reason:
/// measuring the write path without the sealer beside it (<c>ops/bench</c>). Events written while it is off are
/// sealed, in order, when a host that seals next runs; until then they are in no signed head, open to an edit no
/// check would see, so anywhere but Development the host refuses to start with it off.
/// </summary>
public sealed record LedgerSealing(bool Enabled)
{
    public const string Key = "Ledger:Sealing:Enabled";

    /// <exception cref="InvalidOperationException">Sealing is off outside Development.</exception>
    public static LedgerSealing From(IConfiguration configuration, IHostEnvironment environment)
    {
        var sealing = new LedgerSealing(configuration.GetValue(Key, true));
        if (!sealing.Enabled && !environment.IsDevelopment())
            throw new InvalidOperationException(
                $"{Key} is false outside Development ({environment.EnvironmentName}). Remove it: every environment that holds real " +
                "inspections seals its ledger, or edits to unsealed events would go unseen.");
        return sealing;
    }
}
