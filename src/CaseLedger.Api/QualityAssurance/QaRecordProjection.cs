using CaseLedger.Api.Inspections;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Scores;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>
/// Builds each inspection's <see cref="QaRecord"/> from its events. It is async and batched, for the same reasons
/// as <see cref="InspectionScoresProjection"/>. Every value comes from the events, so a rebuild gives the same
/// documents.
/// </summary>
public sealed class QaRecordProjection(ScoringSchemes schemes) : ScoreViewProjection<QaRecord>(schemes, ViewName)
{
    public const string ViewName = "qa-record";

    public override QaRecord? Evolve(QaRecord? record, Guid id, IEvent e)
    {
        if (e.Data is InspectionOpened opened)
        {
            var empty = new ScoreTally(Schemes.For(opened.FrameworkId, opened.FrameworkVersion)).ToCounts();
            record = new QaRecord
            {
                Id = opened.InspectionId,
                FrameworkId = opened.FrameworkId,
                FrameworkVersion = opened.FrameworkVersion,
                Lead = opened.Team.First(member => member.Role == TeamRoles.LeadInspector).UserId,
                YotCode = opened.Yot.Code,
                Title = opened.Title,
                OpenedAt = EventMetadata.OccurredAt(e),
                Counts = empty,
                InspectorCounts = [.. empty],
            };
        }
        if (record is null) return null;
        record.Version = e.Version;

        switch (e.Data)
        {
            case CaseAddedToSample added:
                record.CaseReferences[added.Case.Id] = added.Case.Reference;
                break;
            case QaSampleDrawn drawn:
                record.Samples.Add(QaSampleRecord.From(drawn, e.Version, e.UserName, EventMetadata.OccurredAt(e), record.CaseReferences));
                record.Sampled += drawn.Items.Count;
                record.Inspectors = [.. record.Inspectors.Union(drawn.Items.Select(item => item.Inspector)).Order(StringComparer.Ordinal)];
                break;
            case JudgementConfirmed confirmed when record.FindItem(confirmed.JudgementId) is { Status: not QaStatus.Overturned } item && item.Version == confirmed.Version:
                item.Status = QaStatus.Confirmed;
                item.ClosedBy = e.UserName;
                item.ClosedAt = EventMetadata.OccurredAt(e);
                item.Text = confirmed.Note;
                break;
            case InspectionPublished:
                record.Published = true;
                break;
            case IJudgementChange change when !record.Published:
                Count(record, change);
                Follow(record.FindItem(change.JudgementId), change, e);
                break;
        }
        return record;
    }

    /// <summary>Moves both tallies. The inspectors' tally counts a moderated judgement at the inspector's own answer,
    /// and moves it only when the inspector revises it.</summary>
    private void Count(QaRecord record, IJudgementChange change)
    {
        TallyOver(record, record.Counts).Apply(change);

        var inspectors = TallyOver(record, record.InspectorCounts);
        switch (change)
        {
            case JudgementModerated moderated:
                record.InspectorAnswers.TryAdd(moderated.JudgementId, moderated.Previous);
                break;
            case JudgementRevised revised when record.InspectorAnswers.TryGetValue(revised.JudgementId, out var own):
                inspectors.Apply(revised.QuestionId, own, revised.Answer);
                record.InspectorAnswers[revised.JudgementId] = revised.Answer;
                break;
            default:
                inspectors.Apply(change);
                break;
        }
    }

    /// <summary>What a change does to the judgement's QA item, if it is sampled.</summary>
    private static void Follow(QaItemRecord? item, IJudgementChange change, IEvent e)
    {
        if (item is null) return;
        if (change is JudgementModerated)
        {
            item.Status = QaStatus.Overturned;
            item.OverturnedTo = change.Answer;
            item.ClosedBy = e.UserName;
            item.ClosedAt = EventMetadata.OccurredAt(e);
            item.Text = ((JudgementModerated)change).Rationale;
        }
        else if (item.Status != QaStatus.Overturned)
        {
            item.Answer = change.Answer;
            item.Version = change.Version;
            item.Week = EventMetadata.Week(e) ?? item.Week;
            item.Status = QaStatus.Pending;
            item.ClosedBy = null;
            item.ClosedAt = null;
            item.Text = null;
        }
    }

    /// <summary>One inspection's record as its ledger stands, even when the daemon has not caught up yet.</summary>
    public static Task<QaRecord?> CaughtUpAsync(Guid id, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation) =>
        CaughtUp.ViewAsync(id, new QaRecordProjection(schemes), session, cancellation);
}
