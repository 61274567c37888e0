using System.Text;
using Marten.Events.Projections;

namespace CaseLedger.Api.History.Changes;

/// <summary>
/// Keeps the judgement-changes view: every change to a judgement, its answer's JSON written once, here, so that a
/// history read over a whole fieldwork week copies bytes instead of decoding thousands of events (measured at
/// 5,000,000 events: decoding the window's 5,816 events through Marten was 30–35 ms of a 50–60 ms read). A batch is
/// one insert of arrays. A batch handed over again, or a rebuild, writes each row anew in place
/// (<c>on conflict do update</c>): the table is never emptied, so a read during a rebuild still finds every row; it
/// trusts only the rows up to the view's progress and replays the events after it (<see cref="ChangeRows"/>).
/// </summary>
public sealed class JudgementChangesProjection : IProjection
{
    public const string ViewName = "judgement-changes";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var rows = events.Select(RenderedChange.Of).OfType<RenderedChange>().ToList();
        if (rows.Count == 0) return Task.CompletedTask;
        operations.QueueSqlCommand(
            $"""
             insert into {JudgementChangeTable.Name}
                    (inspection_id, stream_version, seq_id, judgement_id, case_id, question_id, previous, answer, occurred_at, recorded_at, change)
             select inspection, version, sequence, judgement, "case", question, previous, answer, occurred, recorded, change::json
               from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    as row (inspection, version, sequence, judgement, "case", question, previous, answer, occurred, recorded, change)
                 on conflict (inspection_id, stream_version) do update
                set seq_id = excluded.seq_id, judgement_id = excluded.judgement_id, case_id = excluded.case_id,
                    question_id = excluded.question_id, previous = excluded.previous, answer = excluded.answer,
                    occurred_at = excluded.occurred_at, recorded_at = excluded.recorded_at, change = excluded.change
             """,
            rows.Select(r => r.InspectionId).ToArray(), rows.Select(r => r.Version).ToArray(), rows.Select(r => r.Sequence).ToArray(),
            rows.Select(r => r.JudgementId).ToArray(), rows.Select(r => r.CaseId).ToArray(), rows.Select(r => r.QuestionId).ToArray(),
            rows.Select(r => r.Previous?.ToString()).ToArray(), rows.Select(r => r.Answer.ToString()).ToArray(),
            rows.Select(r => r.OccurredAt.ToUniversalTime()).ToArray(), rows.Select(r => r.RecordedAt.ToUniversalTime()).ToArray(),
            rows.Select(r => Encoding.UTF8.GetString(r.Json)).ToArray());
        return Task.CompletedTask;
    }
}
