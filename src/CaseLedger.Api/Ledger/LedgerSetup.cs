using CaseLedger.Api.Ledger.Sealing;
using CaseLedger.Api.Ledger.Signing;
using JasperFx.Events.Projections;

namespace CaseLedger.Api.Ledger;

public static class LedgerSetup
{
    /// <summary>
    /// The tamper-evident log: its tables beside Marten's, the signing keys, and the sealer, an async projection of
    /// its own. It is not one of the views: the rebuild endpoint never reseals, and readiness watches it apart.
    /// </summary>
    public static WebApplicationBuilder AddLedger(this WebApplicationBuilder builder)
    {
        builder.AddLedgerSigning();
        builder.Services.ConfigureMarten((provider, options) =>
        {
            LedgerTables.AddTo(options);
            var sealer = new LedgerSealer(provider.GetRequiredService<TreeHeadSigner>(), provider.GetRequiredService<TimeProvider>());
            options.Projections.Add(sealer, ProjectionLifecycle.Async, LedgerSealer.Name, async => async.BatchSize = 5_000);
        });
        return builder;
    }
}
