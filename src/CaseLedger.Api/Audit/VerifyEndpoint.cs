using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Scoring;

using CaseLedger.Api.Scores;

using CaseLedger.Api.Ledger;
using CaseLedger.Api.Ledger.Checks;
using CaseLedger.Api.Ledger.Signing;
using CaseLedger.Api.Moderation;
using CaseLedger.Api.QualityAssurance;

namespace CaseLedger.Api.Audit;

/// <summary>
/// Proof for an auditor that the views tell the ledger's truth: replays the stream from its first event, recounts
/// every score from the resulting judgements (a full count, not the incremental path the views use), and compares
/// it with the stored scores, the moderation log and the current-judgement documents.
/// </summary>
public static class VerifyEndpoint
{
    public sealed record Verification(
        Guid InspectionId, long StreamVersion, long ScoresViewVersion, bool Agrees, int Judgements, int Moderations,
        IReadOnlyList<Mismatch> Mismatches, LedgerCheck Ledger);

    public sealed record Mismatch(string View, string Item, string Expected, string Actual);

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/verify", OperationId = "VerifyInspection")]
    [Tags(Capability.Audit)]
    [EndpointSummary("Verify an inspection")]
    [EndpointDescription("Replays the inspection's events, recounts every score, and checks the stored views and the signed ledger against them: agreement, or each mismatch. 404 outside reach.")]
    [ProducesResponseType<Verification>(200, "application/json")]
    [ProblemResponses(401, 403, 404)]
    public static async Task<IResult> Get(
        Guid id, HttpContext http, IQuerySession session, ScoringSchemes schemes, TreeHeadSigner signer, CancellationToken cancellation)
    {
        if (await InspectionReach.CheckAsync(id, http, session, cancellation) is { } hidden) return hidden.ToResult();

        // The ledger's check reads and hashes every row of the inspection again, apart from the views' check, and the
        // current judgements are a document per judgement: each on a session of its own, they run beside the replay
        // (a profile of verify put a third of its time in the ledger's check and a quarter in those documents).
        await using var ledgerSession = session.DocumentStore.QuerySession();
        await using var judgementsSession = session.DocumentStore.QuerySession();
        var ledgerCheck = LedgerChecks.InspectionAsync(id, ledgerSession, signer, cancellation);
        // Only what the check compares: the documents' other members would be read and decoded for nothing.
        var current = judgementsSession.Query<CurrentJudgement>().Where(judgement => judgement.InspectionId == id)
            .Select(judgement => new JudgementState { Id = judgement.Id, Answer = judgement.Answer, Version = judgement.Version })
            .ToListAsync(cancellation);
        var viewsCheck = ViewsAsync(id, session, current, schemes, cancellation);
        await Task.WhenAll(ledgerCheck, current, viewsCheck);
        var (streamVersion, storedVersion, judgements, moderations, mismatches) = viewsCheck.Result;
        var ledger = ledgerCheck.Result;
        return Results.Ok(new Verification(id, streamVersion, storedVersion, mismatches.Count == 0 && ledger.Agrees,
            judgements, moderations, mismatches, ledger));
    }

    /// <summary>The stream replayed and recounted, against the stored views as readers are served them.</summary>
    private static async Task<(long StreamVersion, long StoredVersion, int Judgements, int Moderations, List<Mismatch> Mismatches)> ViewsAsync(
        Guid id, IQuerySession session, Task<IReadOnlyList<JudgementState>> currentJudgements, ScoringSchemes schemes, CancellationToken cancellation)
    {
        // One pass in order, each event let go once folded: the replay, the moderations, and the QA record afresh.
        // Found, not assumed first: on a ledger edited in SQL the opening may not be the first event, and a check of
        // an edited ledger must still answer.
        var (opened, replayed, moderations, streamVersion) = ((InspectionOpened?)null, new CurrentAnswers(), 0, 0L);
        var qaProjection = new QaRecordProjection(schemes);
        QaRecord? qaExpected = null;
        await foreach (var e in new LedgerEvents(session).InOrderAsync(id, cancellation))
        {
            opened ??= e.Data as InspectionOpened;
            replayed.Apply(e.Data);
            if (e.Data is JudgementModerated) moderations++;
            streamVersion = Math.Max(streamVersion, e.Version);
            qaExpected = qaProjection.Evolve(qaExpected, id, e);
        }
        if (opened is null) throw new InvalidOperationException($"Inspection {id} has no opening event in the ledger.");
        var scheme = schemes.For(opened.FrameworkId, opened.FrameworkVersion);

        // The views as readers are served them: the stored documents caught up with whatever the daemon has not
        // applied yet. A stored document that went wrong stays wrong through the catch-up, so it still shows here.
        var stored = await CaughtUp.ScoresAsync(id, session, schemes, cancellation);
        var log = await ModerationLogProjection.CaughtUpAsync(id, session, schemes, cancellation);
        var mismatches = new List<Mismatch>();
        if (stored is null || stored.Version != streamVersion)
            mismatches.Add(new Mismatch("scores", "version", streamVersion.ToString(), (stored?.Version ?? 0).ToString()));
        else
        {
            var expected = Scorer.Compute(scheme, replayed.Answers);
            var actual = ScoreTally.FromCounts(scheme, stored.Counts).Scoreboard();
            foreach (var (want, have) in expected.Scores.Zip(actual.Scores).Where(pair => pair.First != pair.Second))
                mismatches.Add(new Mismatch("scores", $"{want.Kind.ToString().ToLowerInvariant()} {want.Id}", Describe(want), Describe(have)));
        }
        if ((log?.Moderations.Count ?? 0) != moderations)
            mismatches.Add(new Mismatch("moderation", "count", moderations.ToString(), (log?.Moderations.Count ?? 0).ToString()));

        mismatches.AddRange(await QaMismatchesAsync(id, qaExpected, session, schemes, cancellation));

        var current = (await currentJudgements).ToDictionary(judgement => judgement.Id);
        foreach (var (judgementId, change) in replayed.Latest)
            if (!current.TryGetValue(judgementId, out var document) || document.Answer != change.Answer || document.Version != change.Version)
                mismatches.Add(new Mismatch("judgements", judgementId.ToString(), $"{Answers.Name(change.Answer)} v{change.Version}",
                    document is null ? "missing" : $"{Answers.Name(document.Answer)} v{document.Version}"));
        foreach (var extra in current.Keys.Except(replayed.Latest.Keys))
            mismatches.Add(new Mismatch("judgements", extra.ToString(), "absent from the ledger", "present"));
        return (streamVersion, stored?.Version ?? 0, replayed.Count, moderations, mismatches);
    }

    /// <summary><c>GET /ledger/verify</c>: the whole log recomputed from the stored rows and rebuilt to the signed
    /// root. Slow by nature (every event is read and hashed): an auditor's occasional check, not a view.</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/ledger/verify", OperationId = "VerifyLedger")]
    [Tags(Capability.Audit)]
    [EndpointSummary("Verify the whole ledger")]
    [EndpointDescription("Recomputes every leaf of the signed log from the stored events and rebuilds the tree to the signed root. Slow by nature: an auditor's occasional check.")]
    [ProducesResponseType<LedgerCheck>(200, "application/json")]
    [ProblemResponses(401, 403)]
    public static async Task<IResult> GetWholeLog(IQuerySession session, TreeHeadSigner signer, CancellationToken cancellation) =>
        Results.Ok(await LedgerChecks.WholeLogAsync(session, signer, cancellation));

    /// <summary>A current-judgement document as far as <c>verify</c> holds it against the replay.</summary>
    private sealed class JudgementState
    {
        public Guid Id { get; init; }
        public Answer Answer { get; init; }
        public int Version { get; init; }
    }

    private static string Describe(ScopeScore score) =>
        $"{score.Sufficient}/{score.Applicable} ({score.NotApplicable} n/a) = {score.Score?.ToString() ?? "no score"}";

    /// <summary>The QA record as readers are served it against <paramref name="expected"/>, folded afresh from the
    /// events: each sampled judgement's outcome, and the inspectors' own tally behind "what QA changed".</summary>
    private static async Task<IEnumerable<Mismatch>> QaMismatchesAsync(
        Guid id, QaRecord? expected, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var served = await QaRecordProjection.CaughtUpAsync(id, session, schemes, cancellation);
        var want = expected?.Items.ToDictionary(item => item.JudgementId, item => item.Status) ?? [];
        var have = served?.Items.ToDictionary(item => item.JudgementId, item => item.Status) ?? [];
        var mismatches = want.Keys.Union(have.Keys)
            .Where(judgement => want.GetValueOrDefault(judgement) != have.GetValueOrDefault(judgement))
            .Select(judgement => new Mismatch("qa", judgement.ToString(), want.GetValueOrDefault(judgement) ?? "not sampled", have.GetValueOrDefault(judgement) ?? "not sampled"))
            .ToList();
        if (expected is not null && served is not null && !expected.InspectorCounts.SequenceEqual(served.InspectorCounts))
            mismatches.Add(new Mismatch("qa", "counts without moderation", string.Join(",", expected.InspectorCounts), string.Join(",", served.InspectorCounts)));
        return mismatches;
    }
}
