using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Moderating;
using CaseLedger.Api.Inspections.Opening;
using CaseLedger.Api.Inspections.Sampling;
using CaseLedger.Api.Inspections.Timing;
using CaseLedger.Api.QualityAssurance;
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
        YotReference yot, string? title, IEnumerable<PlannedWeek> weeks, IEnumerable<TeamMember> team, DateTimeOffset? occurredAt = null) =>
        api.Post("/inspections", lead, Roles.LeadInspector, new OpenInspection(
            id, frameworkId, frameworkVersion, new OpenInspection.YotInput(yot.Code, null, null), title,
            [.. weeks.Select(week => new OpenInspection.WeekInput(week.Number, week.StartsOn))],
            [.. team.Select(member => new OpenInspection.MemberInput(member.UserId, member.Role))], Stated(occurredAt)), 201);

    public static PreparedRequest AddCase(this ApiClient api, Guid inspectionId, string lead, SampledCase @case, DateTimeOffset? occurredAt = null) =>
        api.Post($"/inspections/{inspectionId}/cases", lead, Roles.LeadInspector, new AddCase(
            @case.Id, @case.Reference, @case.SentenceType, @case.Setting, @case.AgeAtStart, @case.Gender, @case.Ethnicity,
            @case.RiskOfHarm, @case.Status, Stated(occurredAt)), 201);

    public static PreparedRequest OpenWeek(this ApiClient api, Guid inspectionId, string lead, int week, DateTimeOffset? occurredAt = null) =>
        PostStated(api, $"/inspections/{inspectionId}/weeks/{week}/open", lead, occurredAt);

    public static PreparedRequest CloseWeek(this ApiClient api, Guid inspectionId, string lead, int week, DateTimeOffset? occurredAt = null) =>
        PostStated(api, $"/inspections/{inspectionId}/weeks/{week}/close", lead, occurredAt);

    public static PreparedRequest Publish(this ApiClient api, Guid inspectionId, string lead, DateTimeOffset? occurredAt = null) =>
        PostStated(api, $"/inspections/{inspectionId}/publish", lead, occurredAt);

    /// <summary>A lead's step that says nothing but, perhaps, when it happened: bare when it happened now.</summary>
    private static PreparedRequest PostStated(ApiClient api, string path, string lead, DateTimeOffset? occurredAt) =>
        occurredAt is null
            ? api.PostEmpty(path, lead, Roles.LeadInspector, 200)
            : api.Post(path, lead, Roles.LeadInspector, new StatedTime(Stated(occurredAt)), 200);

    /// <summary>A valid time as the API reads one; null for "when it is recorded".</summary>
    public static string? Stated(DateTimeOffset? occurredAt) => occurredAt is { } at ? Instants.Stored(at) : null;

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

    /// <summary>The lead draws a QA sample; the answer is the sample with its items (the API's <see cref="QaSampleRecord"/>).</summary>
    public static PreparedRequest DrawQaSample(this ApiClient api, Guid inspectionId, string lead, DrawQaSample body) =>
        api.Post($"/inspections/{inspectionId}/qa-samples", lead, Roles.LeadInspector, body, 201);

    /// <summary>The lead agrees with a sampled judgement at the version checked.</summary>
    public static PreparedRequest Confirm(this ApiClient api, Guid inspectionId, Guid judgementId, string lead, ConfirmJudgement body) =>
        api.Post($"/inspections/{inspectionId}/judgements/{judgementId}/confirmations", lead, Roles.LeadInspector, body, 200);
}
