using CaseLedger.Api.Ledger.Sealing;
using CaseLedger.Api.Ledger.Signing;
using JasperFx.Events.Projections;

namespace CaseLedger.Api.Ledger;

public static class LedgerSetup
{
    /// <summary>
    /// The tamper-evident log: its tables beside Marten's, the signing keys, and the sealer, an async projection of
    /// its own. It is not one of the views: the rebuild endpoint never reseals, and readiness watches it apart.
    /// With sealing off (<see cref="LedgerSealing"/>, Development only) the tables and keys are there, the sealer not.
    /// </summary>
    public static WebApplicationBuilder AddLedger(this WebApplicationBuilder builder)
    {
        var sealing = LedgerSealing.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(sealing);
        builder.AddLedgerSigning();
        builder.Services.ConfigureMarten((provider, options) =>
        {
            LedgerTables.AddTo(options);
            if (!sealing.Enabled) return;
            var sealer = new LedgerSealer(provider.GetRequiredService<TreeHeadSigner>(), provider.GetRequiredService<TimeProvider>());
            options.Projections.Add(sealer, ProjectionLifecycle.Async, LedgerSealer.Name, async => async.BatchSize = 5_000);
        });
        return builder;
    }
}
