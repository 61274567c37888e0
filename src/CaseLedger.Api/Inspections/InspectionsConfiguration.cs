using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Writing;
using Marten.Schema;

namespace CaseLedger.Api.Inspections;

public static class InspectionsConfiguration
{
    public static IServiceCollection AddInspections(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ValidTimeSettings.From(configuration));
        services.ConfigureMarten(options =>
        {
            options.Events.AddEventTypes([
                typeof(InspectionOpened), typeof(CaseAddedToSample), typeof(CaseRemovedFromSample),
                typeof(FieldworkWeekOpened), typeof(FieldworkWeekClosed), typeof(JudgementRecorded),
                typeof(JudgementRevised), typeof(JudgementModerated), typeof(InspectionPublished), typeof(PublishedJudgementCorrected),
                typeof(StandardRated), typeof(RatingOverridden),
            ]);

            options.Schema.For<InspectionHeader>()
                .UseNumericRevisions(true)
                .Duplicate(header => header.State)
                .Duplicate(header => header.FrameworkId)
                .Duplicate(header => header.Yot.Code);

            options.Schema.For<CurrentJudgement>()
                .UseNumericRevisions(true)
                .Duplicate(judgement => judgement.InspectionId)
                .UniqueIndex(UniqueIndexType.Computed, "ux_current_judgement_case_question",
                    judgement => judgement.InspectionId, judgement => judgement.CaseId, judgement => judgement.QuestionId);
        });
        services.AddHostedService<WriteGuard>();
        return services;
    }
}
