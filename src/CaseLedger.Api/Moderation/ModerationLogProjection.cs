using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scoring;
using CaseLedger.Api.Scores;
using Marten.Events.Aggregation;

using CaseLedger.Api.History;

namespace CaseLedger.Api.Moderation;

/// <summary>
/// Builds each inspection's <see cref="ModerationLog"/>. It keeps its own running counts so that a moderation's
/// impact is the scores just before it against the scores just after it. Async, for the same reasons as
/// <see cref="InspectionScoresProjection"/>.
/// </summary>
public sealed class ModerationLogProjection(ScoringSchemes schemes) : ScoreViewProjection<ModerationLog>(schemes, "moderation-log")
{
    public override ModerationLog? Evolve(ModerationLog? log, Guid id, IEvent e)
    {
        if (e.Data is InspectionOpened opened)
            log = new ModerationLog
            {
                Id = opened.InspectionId,
                FrameworkId = opened.FrameworkId,
                FrameworkVersion = opened.FrameworkVersion,
                Counts = new ScoreTally(Schemes.For(opened.FrameworkId, opened.FrameworkVersion)).ToCounts(),
            };
        if (log is null) return null;

        log.Version = e.Version;
        switch (e.Data)
        {
            case CaseAddedToSample added:
                log.CaseReferences[added.Case.Id] = added.Case.Reference;
                break;
            case JudgementModerated or PublishedJudgementCorrected:
                var tally = TallyOver(log, log.Counts);
                var reviewed = LedgerChange.Of(e)!;
                var change = reviewed.Change;
                var touched = tally.Scheme.ScopesOf(change.QuestionId);
                var before = touched.Select(tally.ScoreOf).ToList();
                tally.Apply(change);
                log.Moderations.Add(new Moderation(
                    e.Version, reviewed.Kind, change.JudgementId, change.CaseId, log.CaseReferences.GetValueOrDefault(change.CaseId, ""),
                    change.QuestionId, change.Previous!.Value, change.Answer, change.Reasons, reviewed.Rationale!,
                    change.Version, e.UserName, reviewed.OccurredAt, e.Timestamp, reviewed.Week, e.CorrelationId,
                    [.. touched.Select((scope, i) => ScoreImpact.Between(before[i], tally.ScoreOf(scope)))]));
                break;
            case IJudgementChange other:
                TallyOver(log, log.Counts).Apply(other);
                break;
        }
        return log;
    }

    /// <summary>One inspection's log as its ledger stands, even when the daemon has not caught up yet.</summary>
    public static async Task<ModerationLog> CaughtUpAsync(Guid id, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation) =>
        await CaughtUp.ViewAsync(id, new ModerationLogProjection(schemes), session, cancellation) ?? new ModerationLog { Id = id };
}
