namespace CaseLedger.Api.QualityAssurance;

public static class QualityAssuranceConfiguration
{
    /// <summary>QA's events and the document its decisions keep. Its view, <see cref="QaRecordProjection"/>, is
    /// registered with the other views (<see cref="Admin.ViewsConfiguration"/>).</summary>
    public static IServiceCollection AddQualityAssurance(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
        {
            options.Events.AddEventTypes([typeof(QaSampleDrawn), typeof(JudgementConfirmed)]);
            options.Schema.For<QaSampling>().UseNumericRevisions(true);
            options.Schema.For<QaRecord>().Duplicate(record => record.FrameworkId);
        });
        return services;
    }
}
