using JasperFx.Events.Projections;
using Marten;

namespace CaseLedger.Api.Scores;

public static class ScoresConfiguration
{
    public static IServiceCollection AddScoreViews(this IServiceCollection services)
    {
        services.AddSingleton<ScoringSchemes>();
        // One instance, so readiness can tell a stalled view from a busy one across checks.
        services.AddSingleton<Admin.ViewsMovingCheck>();
        services.AddSingleton<Admin.ViewRebuilder>();
        services.ConfigureMarten((provider, options) =>
        {
            var schemes = provider.GetRequiredService<ScoringSchemes>();
            options.Projections.Add(new InspectionScoresProjection(schemes), ProjectionLifecycle.Async);
            options.Projections.Add(new ModerationLogProjection(schemes), ProjectionLifecycle.Async);
            options.Schema.For<InspectionScores>()
                .Duplicate(scores => scores.FrameworkId)
                .Duplicate(scores => scores.Yot.Code);
        });
        return services;
    }
}
