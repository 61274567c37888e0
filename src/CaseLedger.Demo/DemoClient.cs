using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Moderating;
using CaseLedger.Api.Inspections.Rating;
using CaseLedger.Api.QualityAssurance;
using CaseLedger.Client;

namespace CaseLedger.Demo;

/// <summary>
/// The demo's steps as the API's own requests, sent through the shared client as the acting user, each with a
/// correlation id naming the step, so every event the demo appends says which step of the load appended it.
/// </summary>
internal sealed class DemoClient(ApiClient api)
{
    private static readonly Actor Registrar = new("admin-register", Roles.Admin);

    public Task<InspectionSummary?> FindInspection(Guid id, Actor lead, CancellationToken cancellation) =>
        api.FindAsync<InspectionSummary>(api.Inspection(id, lead.UserId, lead.Role) with { CorrelationId = $"demo-read-{id}" }, cancellation);

    public async Task<IReadOnlyDictionary<Guid, int>> JudgementVersions(Guid id, Actor lead, CancellationToken cancellation)
    {
        var request = api.Judgements(id, lead.UserId, lead.Role) with { CorrelationId = $"demo-read-{id}" };
        var judgements = await api.ReadAsync<List<JudgementView>>(request, cancellation);
        return judgements.ToDictionary(judgement => judgement.Id, judgement => judgement.Version);
    }

    public Task RegisterYot(DemoInspection inspection, string step, CancellationToken cancellation) =>
        Send(api.RegisterYot(inspection.Yot, Registrar.UserId), step, cancellation);

    public Task Open(DemoInspection inspection, int frameworkVersion, string step, CancellationToken cancellation) =>
        Send(api.OpenInspection(inspection.Lead, inspection.Id, inspection.FrameworkId, frameworkVersion, inspection.Yot, inspection.Title,
            inspection.FieldworkWeeks.Select((starts, index) => new PlannedWeek(index + 1, starts)), inspection.Team,
            inspection.Calendar.Opened), step, cancellation);

    public Task AddCase(DemoInspection inspection, SampledCase @case, string step, CancellationToken cancellation) =>
        Send(api.AddCase(inspection.Id, inspection.Lead, @case, inspection.Calendar.Sampled), step, cancellation);

    public Task OpenWeek(DemoInspection inspection, int week, string step, CancellationToken cancellation) =>
        Send(api.OpenWeek(inspection.Id, inspection.Lead, week, inspection.Calendar.WeekOpened(week)), step, cancellation);

    public Task CloseWeek(DemoInspection inspection, int week, string step, CancellationToken cancellation) =>
        Send(api.CloseWeek(inspection.Id, inspection.Lead, week, inspection.Calendar.WeekClosed(week)), step, cancellation);

    public Task Publish(DemoInspection inspection, string step, CancellationToken cancellation) =>
        Send(api.Publish(inspection.Id, inspection.Lead, inspection.Calendar.Published), step, cancellation);

    public Task Record(DemoInspection inspection, Actor actor, IEnumerable<ScriptedJudgement> judgements, string step, CancellationToken cancellation) =>
        Send(api.RecordBatch(inspection.Id, actor.UserId, actor.Role, new RecordJudgementBatch(
            [.. judgements.Select(judgement => new JudgementInput(
                judgement.Id, judgement.CaseId, judgement.QuestionId, Answers.Name(judgement.Answer), judgement.Reasons, null,
                ApiRequests.Stated(inspection.Calendar.Judged(judgement.Week))))])), step, cancellation);

    public Task Change(DemoInspection inspection, Guid judgementId, Actor actor, ScriptedChange change, int expectedVersion, string step, CancellationToken cancellation)
    {
        var occurredAt = ApiRequests.Stated(inspection.Calendar.Changed(change.Week));
        return Send(change.IsModeration
            ? api.Moderate(inspection.Id, judgementId, actor.UserId,
                new ModerateJudgement(Answers.Name(change.Answer), change.Reasons, change.Text, expectedVersion, occurredAt))
            : api.Revise(inspection.Id, judgementId, actor.UserId, actor.Role,
                new ReviseJudgement(Answers.Name(change.Answer), change.Reasons, change.Text, expectedVersion, occurredAt)), step, cancellation);
    }

    public Task<QaSampleRecord> DrawQaSample(DemoInspection inspection, QaPlan qa, string step, CancellationToken cancellation) =>
        api.ReadAsync<QaSampleRecord>(api.DrawQaSample(inspection.Id, inspection.Lead, new DrawQaSample(
            DemoIds.QaSample(inspection.Key), qa.PerInspector, null, qa.Seed, null, ApiRequests.Stated(inspection.Calendar.QaDrawn))) with { CorrelationId = step },
            cancellation);

    public Task Confirm(DemoInspection inspection, Guid judgementId, int expectedVersion, string step, CancellationToken cancellation) =>
        Send(api.Confirm(inspection.Id, judgementId, inspection.Lead,
            new ConfirmJudgement(expectedVersion, DemoTexts.ConfirmationNote, ApiRequests.Stated(inspection.Calendar.QaConfirmed))), step, cancellation);

    public Task Rate(DemoInspection inspection, DemoRating rating, string step, CancellationToken cancellation) =>
        Send(api.RateStandard(inspection.Id, inspection.Lead,
            new RateStandard(rating.StandardId, rating.Rating, rating.Rationale, ApiRequests.Stated(inspection.Calendar.Rated))), step, cancellation);

    public Task Override(DemoInspection inspection, DemoRating rating, string step, CancellationToken cancellation) =>
        Send(api.OverrideRating(inspection.Id, inspection.Lead, rating.StandardId,
            new OverrideRating(rating.Rating, rating.Rationale, ApiRequests.Stated(inspection.Calendar.Rated))), step, cancellation);

    private Task Send(PreparedRequest request, string step, CancellationToken cancellation) =>
        api.SendAsync(request with { CorrelationId = step }, cancellation);
}

public sealed class DemoLoadException(string message) : Exception(message);
