using System.Security.Cryptography;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Api.Scores;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>Drawing QA samples and reading them: each item with whose answer it is and whether it is pending,
/// confirmed or overturned.</summary>
public static class QaSampleEndpoints
{
    public sealed record QaSampleList(Guid InspectionId, IReadOnlyList<QaSampleSummary> Samples);

    public sealed record QaSampleSummary(
        Guid Id, long Seed, int? PerInspector, decimal? Share, int? Week, long DrawnAtVersion, string? DrawnBy, DateTimeOffset DrawnAt,
        int Items, int Pending, int Confirmed, int Overturned);

    [Authorize(Roles = Roles.Leads)]
    [WolverinePost("/inspections/{id}/qa-samples", OperationId = "DrawQaSample")]
    [Tags(Capability.QualityAssurance)]
    [EndpointSummary("Draw a QA sample")]
    [EndpointDescription("The lead draws a seeded random sample of current judgements: `perInspector` of each inspector's, a `share` (0–1) of each, or the larger of the two (5 each when neither is given), optionally only those answered in `week`. The lead's own, moderated and already sampled judgements are left out. The seed and the ledger version drawn on are recorded in `QaSampleDrawn`, so anyone can draw again and get the same judgements. Returns the sample with `Location`. 400 for bad fields; 404 outside reach; 409 when nothing is left to draw, when the id is taken, or when the inspection is published. Repeating the request with the same id answers as the first one did.")]
    [ProducesResponseType<QaSampleRecord>(201, "application/json")]
    [ProblemResponses(400, 401, 403, 404, 409, 413)]
    public static Task<IResult> Post(
        Guid id, DrawQaSample command, HttpContext http, LedgerSessions ledger, ScoringSchemes schemes, TimeProvider clock,
        CancellationToken cancellation) =>
        WritePipeline.RunAsync(new Drawing(id, command, schemes, Guid.NewGuid(), NewSeed()), http, ledger, clock, cancellation);

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/qa-samples", OperationId = "ListQaSamples")]
    [Tags(Capability.QualityAssurance)]
    [EndpointSummary("List an inspection's QA samples")]
    [EndpointDescription("Each sample with how it was drawn and how many of its items are pending, confirmed or overturned. For the lead and auditors; 404 outside reach.")]
    [ProducesResponseType<QaSampleList>(200, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> List(Guid id, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var (record, hidden) = await QaAccess.LoadAsync(id, Actor.From(http)!, session, schemes, cancellation);
        if (hidden is not null) return hidden.ToResult();
        return Results.Ok(new QaSampleList(id, [.. record!.Samples.Select(sample => new QaSampleSummary(
            sample.Id, sample.Seed, sample.PerInspector, sample.Share, sample.Week, sample.DrawnAtVersion, sample.DrawnBy, sample.DrawnAt,
            sample.Items.Count, sample.Pending, sample.Confirmed, sample.Overturned))]));
    }

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/qa-samples/{sampleId}", OperationId = "GetQaSample")]
    [AnswersCsv]
    [Tags(Capability.QualityAssurance)]
    [EndpointSummary("Read a QA sample")]
    [EndpointDescription("Every item of the sample: the judgement, whose answer was drawn and what it was, and whether it is pending, confirmed or overturned (with the answer it was moderated to and the direction). For the lead and auditors. JSON, or CSV with `Accept: text/csv`. 404 outside reach or for no such sample.")]
    [ProducesResponseType<QaSampleRecord>(200, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Get(
        Guid id, Guid sampleId, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var (record, hidden) = await QaAccess.LoadAsync(id, Actor.From(http)!, session, schemes, cancellation);
        if (hidden is not null) return hidden.ToResult();
        if (record!.Samples.FirstOrDefault(sample => sample.Id == sampleId) is not { } found)
            return Rejection.NotFound("No such QA sample.", $"Inspection {id} has no QA sample {sampleId}.").ToResult();
        if (!Csv.Wanted(http)) return Results.Ok(found);
        return Csv.Write(Csv.FileName(record.YotCode, record.FrameworkId, "qa-sample", found.Id.ToString()),
            ["judgement_id", "case_reference", "question_id", "inspector", "week", "answer", "version", "status", "overturned_to", "direction", "closed_by", "closed_at", "note_or_rationale"],
            found.Items.Select(item => (IReadOnlyList<object?>)
            [
                item.JudgementId, item.CaseReference, item.QuestionId, item.Inspector, item.Week, Answers.Name(item.Answer), item.Version, item.Status,
                item.OverturnedTo is { } to ? Answers.Name(to) : null, item.Direction, item.ClosedBy, item.ClosedAt, item.Text,
            ]));
    }

    /// <summary>A seed for a draw that names none: random, and within what a JSON number carries exactly.</summary>
    private static long NewSeed() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & QaDraw.MaxSeed;

    /// <summary>Reads the ledger's version first, then the judgements, so what is decided is never newer than the version
    /// the commit expects. A retry of a draw answers with the sample as it stands now.</summary>
    private sealed record Drawing(Guid InspectionId, DrawQaSample? Command, ScoringSchemes Schemes, Guid NewId, long NewSeed)
        : IInspectionCommand<QaSampleRecord>
    {
        public async Task<Decision<QaSampleRecord>> DecideAsync(IQuerySession session, Actor actor, WriteClock clock, CancellationToken cancellation)
        {
            var state = await session.Events.FetchStreamStateAsync(InspectionId, cancellation);
            if (state is null || await session.LoadAsync<InspectionHeader>(InspectionId, cancellation) is not { } header)
                return InspectionRules.NotFound(InspectionId);
            if (InspectionRules.TeamOnly(header, actor) is { } hidden) return hidden;
            var sampling = await session.LoadAsync<QaSampling>(InspectionId, cancellation) ?? QaSampling.Empty(InspectionId);
            var judgements = await session.Query<CurrentJudgement>().Where(judgement => judgement.InspectionId == InspectionId).ToListAsync(cancellation);
            var decision = QaSampleDecision.Decide(header, actor, Command, sampling, judgements, state.Version, NewId, NewSeed, clock);
            if (decision.Rejection is not null || decision.Changes) return decision;
            var record = await QaRecordProjection.CaughtUpAsync(InspectionId, session, Schemes, cancellation);
            return decision with { State = record?.Samples.FirstOrDefault(sample => sample.Id == decision.State!.Id) ?? decision.State };
        }

        public IResult Respond(QaSampleRecord sample) => Results.Created($"/inspections/{InspectionId}/qa-samples/{sample.Id}", sample);
    }
}
