using Microsoft.Extensions.Options;

namespace CaseLedger.Api.Ledger.Signing;

/// <summary>Registers the ledger's keys and tree-head signer, and makes an unusable key stop the start.</summary>
public static class LedgerSigningSetup
{
    public static WebApplicationBuilder AddLedgerSigning(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<LedgerKeyOptions>, LedgerKeyOptionsValidator>();
        builder.Services.AddOptions<LedgerKeyOptions>().BindConfiguration(LedgerKeyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton(services => LedgerKeys.Load(
            services.GetRequiredService<IOptions<LedgerKeyOptions>>().Value,
            services.GetRequiredService<IHostEnvironment>().ContentRootPath));
        builder.Services.AddSingleton<TreeHeadSigner>();
        return builder;
    }
}
