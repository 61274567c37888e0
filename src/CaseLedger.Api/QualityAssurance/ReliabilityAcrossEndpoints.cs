using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Scores;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>
/// Reliability across inspections. For an inspector: how often QA overturns their judgements, question by question
/// and from one inspection to the next. For a framework: which questions inspectors are overturned on most. When
/// many inspectors are overturned on the same question, the question's wording is the likelier fault.
/// </summary>
public static class ReliabilityAcrossEndpoints
{
    public sealed record InspectorReliability(
        string UserId, int Inspections, QaFigures Overall, IReadOnlyList<InspectionFigures> ByInspection,
        IReadOnlyList<QuestionFigures> Questions, IReadOnlyList<ScopeFigures> Scopes);

    public sealed record FrameworkReliability(
        string FrameworkId, int Inspections, QaFigures Overall, IReadOnlyList<InspectorFigures> Inspectors,
        IReadOnlyList<QuestionFigures> MostDisputed, IReadOnlyList<QuestionFigures> Questions, IReadOnlyList<ScopeFigures> Scopes,
        IReadOnlyList<InspectionFigures> ByInspection);

    [Authorize(Roles = Roles.ReliabilityReaders)]
    [WolverineGet("/inspectors/{userId}/reliability", OperationId = "GetInspectorReliability")]
    [AnswersCsv]
    [Tags(Capability.QualityAssurance)]
    [EndpointSummary("Read an inspector's reliability across inspections")]
    [EndpointDescription("Every QA-sampled judgement of the inspector, in every inspection, counted as the inspection view counts them: overall, by inspection in the order they opened (drift), per question and per scope. For auditors and admins; an inspector or lead reads their own. JSON, or CSV with `Accept: text/csv`. 400 for a malformed user id; 403 for someone else's figures.")]
    [ProducesResponseType<InspectorReliability>(200, "application/json")]
    [ProblemResponses(400, 401, 403)]
    public static async Task<IResult> GetInspector(
        string userId, HttpContext http, IQuerySession session, ScoringSchemes schemes, FrameworkCatalog frameworks, CancellationToken cancellation)
    {
        var actor = Actor.From(http)!;
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 100)
            return Rejection.Invalid("userId", "must be a user id of 1 to 100 characters.").ToResult();
        if (actor.Role is Roles.Inspector or Roles.LeadInspector && actor.UserId != userId)
            return Rejection.Forbidden("Inspectors read their own reliability only.").ToResult();

        var ids = await session.Query<QaRecord>().Where(record => record.Inspectors.Contains(userId)).Select(record => record.Id).ToListAsync(cancellation);
        var records = await CaughtUpAsync(ids, session, schemes, cancellation);
        var outcomes = records.SelectMany(QaOutcome.Of).Where(outcome => outcome.Inspector == userId).ToList();
        var view = new InspectorReliability(
            userId, records.Count, Reliability.Overall(outcomes), ByInspection(records, outcomes),
            Reliability.ByQuestion(outcomes, frameworks), Reliability.ByScope(outcomes, schemes));
        if (!Csv.Wanted(http)) return Results.Ok(view);
        return Csv.Write(Csv.FileName(userId, "reliability"), ReliabilityCsv.Header,
            ReliabilityCsv.Rows(ReliabilityCsv.Of(view.Overall, [], view.Questions, view.Scopes, view.ByInspection)));
    }

    [Authorize(Roles = Roles.Auditor + "," + Roles.Admin)]
    [WolverineGet("/frameworks/{id}/reliability", OperationId = "GetFrameworkReliability")]
    [AnswersCsv]
    [Tags(Capability.QualityAssurance)]
    [EndpointSummary("Read inspector reliability across a framework")]
    [EndpointDescription("Every QA-sampled judgement of every inspection under the framework. `mostDisputed` ranks the questions QA overturned, by the lower end of the overturn rate's interval, so the ones most surely overturned come first. Then come per inspector, per question, per scope and per inspection. For auditors and admins. JSON, or CSV with `Accept: text/csv`. 404 for no such framework.")]
    [ProducesResponseType<FrameworkReliability>(200, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> GetFramework(
        string id, HttpContext http, IQuerySession session, ScoringSchemes schemes, FrameworkCatalog frameworks, CancellationToken cancellation)
    {
        if (frameworks.Latest(id) is null) return Rejection.NotFound("No such framework.", $"There is no framework '{id}'.").ToResult();
        var ids = await session.Query<QaRecord>().Where(record => record.FrameworkId == id && record.Sampled > 0)
            .Select(record => record.Id).ToListAsync(cancellation);
        var records = await CaughtUpAsync(ids, session, schemes, cancellation);
        var outcomes = records.SelectMany(QaOutcome.Of).ToList();
        var questions = Reliability.ByQuestion(outcomes, frameworks);
        var view = new FrameworkReliability(
            id, records.Count, Reliability.Overall(outcomes), Reliability.ByInspector(outcomes), Reliability.MostDisputed(questions),
            questions, Reliability.ByScope(outcomes, schemes), ByInspection(records, outcomes));
        if (!Csv.Wanted(http)) return Results.Ok(view);
        return Csv.Write(Csv.FileName(id, "reliability"), ReliabilityCsv.Header,
            ReliabilityCsv.Rows(ReliabilityCsv.Of(view.Overall, view.Inspectors, view.Questions, view.Scopes, view.ByInspection)));
    }

    /// <summary>The records found, brought up to their ledgers. A first sample drawn in the last moment, and not yet
    /// in any stored record, is not found: the view across inspections trails by the daemon's lag, well under a second.</summary>
    private static async Task<IReadOnlyList<QaRecord>> CaughtUpAsync(
        IReadOnlyCollection<Guid> ids, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation) =>
        [.. (await CaughtUp.ViewsAsync(ids, new QaRecordProjection(schemes), session, cancellation)).OrderBy(record => record.OpenedAt).ThenBy(record => record.Id)];

    private static IReadOnlyList<InspectionFigures> ByInspection(IReadOnlyList<QaRecord> records, IReadOnlyCollection<QaOutcome> outcomes)
    {
        var byInspection = outcomes.ToLookup(outcome => outcome.InspectionId);
        return [.. records.Where(record => byInspection.Contains(record.Id))
            .Select(record => new InspectionFigures(record.Id, record.YotCode, record.Title, record.OpenedAt, QaFigures.Of([.. byInspection[record.Id]])))];
    }
}
