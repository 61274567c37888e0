
namespace CaseLedger.Api.Yots;

public static class YotsConfiguration
{
    public static IServiceCollection AddYotRegister(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
        {
            options.Events.AddEventTypes([typeof(YotRegistered), typeof(YotChanged)]);
            options.Schema.For<RegisteredYot>().UseNumericRevisions(true);
        });
        return services;
    }
}
