namespace CaseLedger.Api.Frameworks;

public static class FrameworksConfiguration
{
    /// <summary>Loads and validates every framework file now, so a broken one stops the host before it serves.</summary>
    public static IServiceCollection AddFrameworks(this IServiceCollection services)
    {
        services.AddSingleton(FrameworkLoader.LoadDefault());
        return services;
    }
}
