namespace CaseLedger.Api.Demo;

public static class DemoConfiguration
{
    public static IServiceCollection AddDemoData(this IServiceCollection services) =>
        services.AddHostedService<DemoDataLoad>();
}
