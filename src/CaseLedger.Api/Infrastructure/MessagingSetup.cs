using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine;
using Wolverine.Http;

namespace CaseLedger.Api.Infrastructure;

public static class MessagingSetup
{
    /// <summary>
    /// Wolverine: HTTP endpoints and command handling, with Marten as its transactional outbox. Production loads
    /// code generated ahead of time (<c>codegen write</c>, run by the Dockerfile) and never compiles at start-up.
    /// </summary>
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(options =>
        {
            options.UseRuntimeCompilation();
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
        });
        builder.Services.CritterStackDefaults(defaults =>
        {
            defaults.Development.GeneratedCodeMode = TypeLoadMode.Auto;
            defaults.Production.GeneratedCodeMode = TypeLoadMode.Static;
            defaults.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });
        builder.Services.AddWolverineHttp();
        return builder;
    }
}
