using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scores;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>
/// One inspection's inspector reliability, for its lead and auditors: per inspector and per question, each week by
/// week, then per criterion, section and theme, and what QA's moderations changed in every score. An inspector on the
/// team reads the same figures counted over their own judgements only.
/// </summary>
public static class InspectionReliabilityEndpoint
{
    public sealed record InspectionReliability(
        Guid InspectionId, string YotCode, string Title, string FrameworkId, int FrameworkVersion, bool Published,
        string Scope, int Samples, QaFigures Overall, IReadOnlyList<InspectorFigures> Inspectors, IReadOnlyList<QuestionFigures> Questions,
        IReadOnlyList<ScopeFigures> Scopes, IReadOnlyList<QaEffect>? WhatQaChanged);

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/reliability", OperationId = "GetInspectionReliability")]
    [AnswersCsv]
    [Tags(Capability.QualityAssurance)]
    [EndpointSummary("Read an inspection's inspector reliability")]
    [EndpointDescription("From the QA samples: sampled, pending, confirmed and overturned judgements; the overturn rate over those decided, with its Wilson 95% interval; the direction of each overturn; and the same week by week. These are given per inspector, per question and per criterion, section and theme. `whatQaChanged` sets every score with no moderation beside the score with it (the published one once published). For the inspection's lead and auditors. A team inspector gets the figures for their own judgements only (`scope`: `own`). JSON, or CSV with `Accept: text/csv`. 404 outside reach.")]
    [ProducesResponseType<InspectionReliability>(200, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Get(
        Guid id, HttpContext http, IQuerySession session, ScoringSchemes schemes, FrameworkCatalog frameworks, CancellationToken cancellation)
    {
        var actor = Actor.From(http)!;
        var (header, record, sight) = await QaAccess.LoadWithSightAsync(id, actor, session, schemes, cancellation);
        if (sight == QaSight.None) return InspectionRules.NotFound(id).ToResult();

        var outcomes = QaOutcome.Of(record!).Where(outcome => sight == QaSight.Whole || outcome.Inspector == actor.UserId).ToList();
        var view = new InspectionReliability(
            id, header!.Yot.Code, header.Title, record!.FrameworkId, record.FrameworkVersion, record.Published,
            sight == QaSight.Whole ? "whole" : "own", record.Samples.Count, Reliability.Overall(outcomes), Reliability.ByInspector(outcomes),
            Reliability.ByQuestion(outcomes, frameworks), Reliability.ByScope(outcomes, schemes),
            sight == QaSight.Whole ? QaEffect.Of(record, schemes) : null);
        if (!Csv.Wanted(http)) return Results.Ok(view);
        return Csv.Write(Csv.FileName(header.Yot.Code, header.FrameworkId, "reliability", sight == QaSight.Own ? actor.UserId : null),
            ReliabilityCsv.Header, ReliabilityCsv.Rows(ReliabilityCsv.Of(view.Overall, view.Inspectors, view.Questions, view.Scopes)));
    }
}
