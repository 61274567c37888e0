using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Moderating;
using CaseLedger.Api.Inspections.Opening;
using CaseLedger.Api.Inspections.Sampling;
using CaseLedger.Api.Yots;
using CaseLedger.Bench.Dataset;

namespace CaseLedger.Bench.Api;

/// <summary>The API's own request records, filled from the plan: the benchmark sends exactly what a client would.</summary>
public static class Requests
{
    /// <summary>An inspection names a registered YOT: the administrator registers it first.</summary>
    public static PreparedRequest Register(this ApiClient api, PlannedYot yot) =>
        api.Put($"/yots/{yot.Code}", "bench-admin", Roles.Admin, new RegisterYot(yot.Name, yot.Region));

    public static PreparedRequest Open(this ApiClient api, PlannedInspection inspection) =>
        api.Post("/inspections", inspection.Lead, Roles.LeadInspector, new OpenInspection(
            inspection.Id, inspection.FrameworkId, null,
            new OpenInspection.YotInput(inspection.Yot.Code, null, null),
            null,
            [.. inspection.Weeks.Select(week => new OpenInspection.WeekInput(week.Week.Number, week.Week.StartsOn))],
            [.. inspection.Inspectors.Select(user => new OpenInspection.MemberInput(user, Roles.Inspector))]), 201);

    public static PreparedRequest AddCase(this ApiClient api, PlannedInspection inspection, PlannedCase @case) =>
        api.Post($"/inspections/{inspection.Id}/cases", inspection.Lead, Roles.LeadInspector, new AddCase(
            @case.Id, @case.Reference, @case.SentenceType, @case.Setting, @case.AgeAtStart, @case.Gender, @case.Ethnicity,
            @case.RiskOfHarm, @case.Status), 201);

    public static PreparedRequest OpenWeek(this ApiClient api, PlannedInspection inspection, int week) =>
        api.PostEmpty($"/inspections/{inspection.Id}/weeks/{week}/open", inspection.Lead, Roles.LeadInspector, 200);

    public static PreparedRequest CloseWeek(this ApiClient api, PlannedInspection inspection, int week) =>
        api.PostEmpty($"/inspections/{inspection.Id}/weeks/{week}/close", inspection.Lead, Roles.LeadInspector, 200);

    public static PreparedRequest Publish(this ApiClient api, PlannedInspection inspection) =>
        api.PostEmpty($"/inspections/{inspection.Id}/publish", inspection.Lead, Roles.LeadInspector, 200);

    /// <summary>One upload of judgements by one inspector (all or nothing, at most 5,000).</summary>
    public static PreparedRequest Batch(
        this ApiClient api, Guid inspectionId, string user, IEnumerable<PlannedJudgement> judgements, string role = Roles.Inspector) =>
        api.Post($"/inspections/{inspectionId}/judgements/batch", user, role, new RecordJudgementBatch([.. judgements.Select(Input)]), 201);

    public static PreparedRequest Record(this ApiClient api, Guid inspectionId, PlannedJudgement judgement, string role = Roles.Inspector) =>
        api.Post($"/inspections/{inspectionId}/judgements", judgement.By, role, Input(judgement), 201);

    public static PreparedRequest Revise(this ApiClient api, Guid inspectionId, PlannedChange change) =>
        api.Post($"/inspections/{inspectionId}/judgements/{change.JudgementId}/revisions", change.By, Roles.Inspector,
            new ReviseJudgement(change.Answer, change.Reasons, change.Text, change.ExpectedVersion), 200);

    public static PreparedRequest Moderate(this ApiClient api, Guid inspectionId, PlannedChange change) =>
        api.Post($"/inspections/{inspectionId}/judgements/{change.JudgementId}/moderations", change.By, Roles.LeadInspector,
            new ModerateJudgement(change.Answer, change.Reasons, change.Text, change.ExpectedVersion), 200);

    private static JudgementInput Input(PlannedJudgement judgement) =>
        new(judgement.Id, judgement.CaseId, judgement.QuestionId, judgement.Answer, judgement.Reasons, judgement.Note);
}
