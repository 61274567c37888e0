using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine;

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
            // No automatic transactions: endpoints commit their own Marten session, because a write must turn a
            // constraint violation at commit into a 409, which a commit after the endpoint returns could not do.
            // Local queues are durable, so a message enrolled with a write survives a crash with it.
            options.Policies.UseDurableLocalQueues();
            NodeHealth.From(builder.Configuration).ApplyTo(options.Durability);
        });
        builder.Services.CritterStackDefaults(defaults =>
        {
            // Dynamic, not Auto: Auto writes generated files into the source tree, and a stale one breaks the
            // next build after an endpoint's signature changes.
            defaults.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            defaults.Production.GeneratedCodeMode = TypeLoadMode.Static;
            defaults.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });
        builder.Services.AddWolverineHttp();
        return builder;
    }
}
