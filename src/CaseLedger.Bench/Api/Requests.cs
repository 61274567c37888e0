using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Correcting;
using CaseLedger.Api.Inspections.Moderating;
using CaseLedger.Api.Notifications.Subscriptions;
using CaseLedger.Api.QualityAssurance;

namespace CaseLedger.Bench.Api;

/// <summary>The API's own requests, filled from the plan: the benchmark sends exactly what a client would.</summary>
public static class Requests
{
    public static PreparedRequest Register(this ApiClient api, YotReference yot) => api.RegisterYot(yot, "bench-admin");

    public static PreparedRequest Open(this ApiClient api, PlannedInspection inspection) =>
        api.OpenInspection(inspection.Lead, inspection.Id, inspection.FrameworkId, null, inspection.Yot, null,
            inspection.Weeks.Select(week => week.Week), inspection.Inspectors.Select(user => new TeamMember(user, TeamRoles.Inspector)));

    public static PreparedRequest AddCase(this ApiClient api, PlannedInspection inspection, SampledCase @case) =>
        api.AddCase(inspection.Id, inspection.Lead, @case);

    /// <summary>Everything before an inspection's first judgement: opened, its cases sampled, week 1 opened.</summary>
    public static IEnumerable<PreparedRequest> OpenForJudgements(this ApiClient api, PlannedInspection inspection) =>
        [api.Open(inspection), .. inspection.Cases.Select(@case => api.AddCase(inspection, @case)), api.OpenWeek(inspection, 1)];

    /// <summary>Sends the requests one after another, each only once the one before has succeeded.</summary>
    public static async Task SendInOrderAsync(this ApiClient api, IEnumerable<PreparedRequest> requests, CancellationToken cancellation)
    {
        foreach (var request in requests) await api.SendAsync(request, cancellation);
    }

    public static PreparedRequest OpenWeek(this ApiClient api, PlannedInspection inspection, int week) =>
        api.OpenWeek(inspection.Id, inspection.Lead, week);

    public static PreparedRequest CloseWeek(this ApiClient api, PlannedInspection inspection, int week) =>
        api.CloseWeek(inspection.Id, inspection.Lead, week);

    public static PreparedRequest Publish(this ApiClient api, PlannedInspection inspection) =>
        api.Publish(inspection.Id, inspection.Lead);

    /// <summary>One upload of judgements by one inspector (all or nothing, at most 5,000).</summary>
    public static PreparedRequest Batch(
        this ApiClient api, Guid inspectionId, string user, IEnumerable<PlannedJudgement> judgements, string role = Roles.Inspector) =>
        api.RecordBatch(inspectionId, user, role, new RecordJudgementBatch([.. judgements.Select(Input)]));

    public static PreparedRequest Record(this ApiClient api, Guid inspectionId, PlannedJudgement judgement, string role = Roles.Inspector) =>
        api.Record(inspectionId, judgement.By, role, Input(judgement));

    public static PreparedRequest Revise(this ApiClient api, Guid inspectionId, PlannedChange change) =>
        api.Revise(inspectionId, change.JudgementId, change.By, Roles.Inspector,
            new ReviseJudgement(change.Answer, change.Reasons, change.Text, change.ExpectedVersion));

    public static PreparedRequest Moderate(this ApiClient api, Guid inspectionId, PlannedChange change) =>
        api.Moderate(inspectionId, change.JudgementId, change.By,
            new ModerateJudgement(change.Answer, change.Reasons, change.Text, change.ExpectedVersion));

    /// <summary>The lead's QA, in order: the sample drawn with the plan's seed, then each sampled judgement confirmed or moderated.</summary>
    public static IEnumerable<PreparedRequest> Qa(this ApiClient api, PlannedInspection inspection, PlannedQa qa) =>
    [
        api.DrawQaSample(inspection.Id, inspection.Lead, new DrawQaSample(qa.SampleId, qa.PerInspector, Share: null, qa.Seed, Week: null)),
        .. qa.Confirmations.Select(confirmation => api.Confirm(inspection.Id, confirmation.JudgementId, inspection.Lead,
            new ConfirmJudgement(confirmation.ExpectedVersion, Note: null))),
        .. qa.Overturns.Select(change => api.Moderate(inspection.Id, change)),
    ];

    /// <summary>An inspection's inspector reliability, as an auditor reads it.</summary>
    public static PreparedRequest InspectionReliability(this ApiClient api, Guid inspectionId) =>
        api.Get($"/inspections/{inspectionId}/reliability", "bench-auditor", Roles.Auditor);

    /// <summary>Inspector reliability across every inspection of a framework, as an auditor reads it.</summary>
    public static PreparedRequest FrameworkReliability(this ApiClient api, string frameworkId) =>
        api.Get($"/frameworks/{frameworkId}/reliability", "bench-auditor", Roles.Auditor);

    /// <summary>The lead's correction of a published judgement.</summary>
    public static PreparedRequest Correct(this ApiClient api, Guid inspectionId, string lead, PlannedChange change) =>
        api.Post($"/inspections/{inspectionId}/judgements/{change.JudgementId}/corrections", lead, Roles.LeadInspector,
            new CorrectJudgement(change.Answer, change.Reasons, change.Text, change.ExpectedVersion), 200);

    /// <summary>A webhook subscription; null kinds for all of them. Its answer is the API's <see cref="SubscriptionView"/>.</summary>
    public static PreparedRequest Subscribe(this ApiClient api, string client, Uri url, IReadOnlyList<string>? kinds) =>
        api.Post("/subscriptions", client, Roles.ReportingClient, new Subscribe(url.ToString(), kinds, null), 201);

    public static PreparedRequest Unsubscribe(this ApiClient api, string client, Guid subscriptionId) =>
        new(HttpMethod.Delete, $"/subscriptions/{subscriptionId}", api.Token(client, Roles.ReportingClient), null, 204);

    private static JudgementInput Input(PlannedJudgement judgement) =>
        new(judgement.Id, judgement.CaseId, judgement.QuestionId, judgement.Answer, judgement.Reasons, judgement.Note);
}
