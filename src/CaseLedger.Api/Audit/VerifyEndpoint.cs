using CaseLedger.Api.History.Changes;
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

using Npgsql;

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

        // The current judgements are a document per judgement: on a session of their own, they are read beside the
        // replay (a profile of verify put a quarter of its time in those documents). Only the three members the check
        // compares, as columns: Marten's projection of them built a JSON object in PostgreSQL for each of ten thousand
        // documents, and parsed it again here (a fifth of PostgreSQL's time for verify at 11,270 events).
        await using var judgementsSession = session.DocumentStore.QuerySession();
        var current = CurrentJudgementsAsync(id, judgementsSession, cancellation);
        var changeRows = AfterAsync(current, () => ChangeRows.StoredAsync(judgementsSession, id, cancellation));

        // One read of the stream, in order: each row held against its sealed leaf, and the event Marten decodes from
        // that row folded into the replay, the moderation count and the QA record afresh, then let go.
        var replay = new Replay(id, schemes);
        var ledger = await LedgerChecks.InspectionAsync(id, session, signer, replay.Apply, cancellation);
        var (storedVersion, mismatches) = await ViewsAsync(id, replay, session, current, schemes, cancellation);
        mismatches.AddRange(ChangeMismatches(replay.Changes, await changeRows));
        return Results.Ok(new Verification(id, replay.StreamVersion, storedVersion, mismatches.Count == 0 && ledger.Agrees,
            replay.Answers.Count, replay.Moderations, mismatches, ledger));
    }

    /// <summary>What verify recomputes from the stream, folded as each event is read, in the ledger's sequence order
    /// (the order of commit, which on a ledger not edited is the order of the stream's versions too).</summary>
    private sealed class Replay(Guid id, ScoringSchemes schemes)
    {
        private readonly QaRecordProjection qaProjection = new(schemes);

        // Found, not assumed first: on a ledger edited in SQL the opening may not be the first event, and a check of
        // an edited ledger must still answer.
        public InspectionOpened? Opened { get; private set; }

        public CurrentAnswers Answers { get; } = new();

        public int Moderations { get; private set; }

        public long StreamVersion { get; private set; }

        public QaRecord? QaRecord { get; private set; }

        /// <summary>Each change to a judgement, by version, as the judgement-changes view should hold it.</summary>
        public Dictionary<long, ChangeRows.StoredChange> Changes { get; } = [];

        public void Apply(IEvent e)
        {
            if (e.Data is IJudgementChange change)
                Changes[e.Version] = ChangeRows.StoredChange.Of(e, change);
            Opened ??= e.Data as InspectionOpened;
            Answers.Apply(e.Data);
            // The moderation log lists a correction after publication among the moderations (kind "corrected").
            if (e.Data is JudgementModerated or PublishedJudgementCorrected) Moderations++;
            StreamVersion = Math.Max(StreamVersion, e.Version);
            QaRecord = qaProjection.Evolve(QaRecord, id, e);
        }
    }

    /// <summary>The stream as replayed and recounted, against the stored views as readers are served them.</summary>
    private static async Task<(long StoredVersion, List<Mismatch> Mismatches)> ViewsAsync(
        Guid id, Replay replay, IQuerySession session, Task<Dictionary<Guid, (string? Answer, int Version)>> currentJudgements, ScoringSchemes schemes, CancellationToken cancellation)
    {
        if (replay.Opened is not { } opened) throw new InvalidOperationException($"Inspection {id} has no opening event in the ledger.");
        var (replayed, streamVersion) = (replay.Answers, replay.StreamVersion);
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
        if ((log?.Moderations.Count ?? 0) != replay.Moderations)
            mismatches.Add(new Mismatch("moderation", "count", replay.Moderations.ToString(), (log?.Moderations.Count ?? 0).ToString()));

        mismatches.AddRange(await QaMismatchesAsync(id, replay.QaRecord, session, schemes, cancellation));

        var current = await currentJudgements;
        // The answer as stored, by its name: a document that went wrong shows as it is, whatever it holds.
        foreach (var (judgementId, change) in replayed.Latest)
        {
            var found = current.TryGetValue(judgementId, out var document);
            if (!found || document.Answer != Answers.Name(change.Answer) || document.Version != change.Version)
                mismatches.Add(new Mismatch("judgements", judgementId.ToString(), $"{Answers.Name(change.Answer)} v{change.Version}",
                    found ? $"{document.Answer ?? "no answer"} v{document.Version}" : "missing"));
        }
        foreach (var extra in current.Keys.Except(replayed.Latest.Keys))
            mismatches.Add(new Mismatch("judgements", extra.ToString(), "absent from the ledger", "present"));
        return (stored?.Version ?? 0, mismatches);
    }

    /// <summary>
    /// The judgement-changes view's rows against the replay: each change to a judgement the view has applied must be
    /// a row with its sequence, judgement and answers, and no row may stand for anything else. The rendered JSON is
    /// not compared (rendering every change again would cost as much as the rest of the check); an edit of what it
    /// says beyond these is repaired, not found, by a rebuild of the view.
    /// </summary>
    private static IEnumerable<Mismatch> ChangeMismatches(
        IReadOnlyDictionary<long, ChangeRows.StoredChange> replayed, (long AppliedThrough, List<ChangeRows.StoredChange> Rows) stored)
    {
        static string Describe(ChangeRows.StoredChange change) =>
            $"judgement {change.JudgementId}: {change.Previous ?? "none"} to {change.Answer} (sequence {change.Sequence})";
        var unmatched = replayed.Values.Where(change => change.Sequence <= stored.AppliedThrough).ToDictionary(change => change.Version);
        foreach (var row in stored.Rows)
        {
            if (!unmatched.Remove(row.Version, out var want))
                yield return new Mismatch(JudgementChangesProjection.ViewName, $"version {row.Version}", "absent from the ledger", Describe(row));
            else if (want != row)
                yield return new Mismatch(JudgementChangesProjection.ViewName, $"version {row.Version}", Describe(want), Describe(row));
        }
        foreach (var missing in unmatched.Values)
            yield return new Mismatch(JudgementChangesProjection.ViewName, $"version {missing.Version}", Describe(missing), "missing");
    }

    /// <summary>Runs <paramref name="next"/> once <paramref name="first"/> is done: both read on one session of their own.</summary>
    private static async Task<T> AfterAsync<TFirst, T>(Task<TFirst> first, Func<Task<T>> next)
    {
        await first;
        return await next();
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

    /// <summary>Each current-judgement document of the inspection as far as <c>verify</c> holds it against the replay:
    /// its answer's name as stored, and its version.</summary>
    private static async Task<Dictionary<Guid, (string? Answer, int Version)>> CurrentJudgementsAsync(
        Guid id, IQuerySession session, CancellationToken cancellation)
    {
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(CurrentJudgement)).TableName.QualifiedName;
        await using var command = new NpgsqlCommand($"select id, data ->> 'answer', mt_version from {table} where inspection_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        var judgements = new Dictionary<Guid, (string?, int)>();
        while (await reader.ReadAsync(cancellation))
            judgements[reader.GetGuid(0)] = (reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2));
        return judgements;
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
