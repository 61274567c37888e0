using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Moderating;
using CaseLedger.Api.Inspections.Opening;
using CaseLedger.Api.Inspections.Sampling;
using CaseLedger.Api.Yots;

namespace CaseLedger.Client;

/// <summary>
/// The API's requests, each with its path, its body (the API's own request record) and the status that means
/// it was done. The demo and the benchmark both send these, so neither keeps a copy of the contract.
/// </summary>
public static class ApiRequests
{
    /// <summary>An inspection names a registered YOT: the administrator registers it first.</summary>
    public static PreparedRequest RegisterYot(this ApiClient api, YotReference yot, string admin) =>
        api.Put($"/yots/{yot.Code}", admin, Roles.Admin, new RegisterYot(yot.Name, yot.Region));

    /// <summary>The YOT is named by its code alone: its name and region come from the register.</summary>
    public static PreparedRequest OpenInspection(this ApiClient api, string lead, Guid id, string frameworkId, int? frameworkVersion,
        YotReference yot, string? title, IEnumerable<PlannedWeek> weeks, IEnumerable<TeamMember> team) =>
        api.Post("/inspections", lead, Roles.LeadInspector, new OpenInspection(
            id, frameworkId, frameworkVersion, new OpenInspection.YotInput(yot.Code, null, null), title,
            [.. weeks.Select(week => new OpenInspection.WeekInput(week.Number, week.StartsOn))],
            [.. team.Select(member => new OpenInspection.MemberInput(member.UserId, member.Role))]), 201);

    public static PreparedRequest AddCase(this ApiClient api, Guid inspectionId, string lead, SampledCase @case) =>
        api.Post($"/inspections/{inspectionId}/cases", lead, Roles.LeadInspector, new AddCase(
            @case.Id, @case.Reference, @case.SentenceType, @case.Setting, @case.AgeAtStart, @case.Gender, @case.Ethnicity,
            @case.RiskOfHarm, @case.Status), 201);

    public static PreparedRequest OpenWeek(this ApiClient api, Guid inspectionId, string lead, int week) =>
        api.PostEmpty($"/inspections/{inspectionId}/weeks/{week}/open", lead, Roles.LeadInspector, 200);

    public static PreparedRequest CloseWeek(this ApiClient api, Guid inspectionId, string lead, int week) =>
        api.PostEmpty($"/inspections/{inspectionId}/weeks/{week}/close", lead, Roles.LeadInspector, 200);

    public static PreparedRequest Publish(this ApiClient api, Guid inspectionId, string lead) =>
        api.PostEmpty($"/inspections/{inspectionId}/publish", lead, Roles.LeadInspector, 200);

    /// <summary>One upload of judgements by one member (all or nothing, at most 5,000).</summary>
    public static PreparedRequest RecordBatch(this ApiClient api, Guid inspectionId, string user, string role, RecordJudgementBatch batch) =>
        api.Post($"/inspections/{inspectionId}/judgements/batch", user, role, batch, 201);

    public static PreparedRequest Record(this ApiClient api, Guid inspectionId, string user, string role, JudgementInput judgement) =>
        api.Post($"/inspections/{inspectionId}/judgements", user, role, judgement, 201);

    public static PreparedRequest Revise(this ApiClient api, Guid inspectionId, Guid judgementId, string user, string role, ReviseJudgement revision) =>
        api.Post($"/inspections/{inspectionId}/judgements/{judgementId}/revisions", user, role, revision, 200);

    public static PreparedRequest Moderate(this ApiClient api, Guid inspectionId, Guid judgementId, string lead, ModerateJudgement moderation) =>
        api.Post($"/inspections/{inspectionId}/judgements/{judgementId}/moderations", lead, Roles.LeadInspector, moderation, 200);

    public static PreparedRequest Inspection(this ApiClient api, Guid inspectionId, string user, string role) =>
        api.Get($"/inspections/{inspectionId}", user, role);

    public static PreparedRequest Judgements(this ApiClient api, Guid inspectionId, string user, string role) =>
        api.Get($"/inspections/{inspectionId}/judgements", user, role);
}
