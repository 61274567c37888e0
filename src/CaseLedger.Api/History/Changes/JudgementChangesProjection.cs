using System.Runtime.InteropServices;
using CaseLedger.Api.Inspections.Judging;
using Marten.Events.Projections;

namespace CaseLedger.Api.History.Changes;

/// <summary>
/// Keeps the judgement-changes view: every change to a judgement, its answer's JSON written once, here, so that a
/// history read over a whole fieldwork week copies bytes instead of decoding thousands of events (profiled on the
/// bench's largest inspection: decoding the window's 5,816 events through Marten was 30–35 ms of a 50–60 ms read).
/// A batch is one statement over arrays, and writes a row again only where it differs, so the table is never
/// emptied. A read trusts only the rows up to the view's progress and replays the events after it
/// (<see cref="ChangeRows"/>), so a rebuild, which starts the progress again from nothing, is never read half-done.
/// </summary>
public sealed class JudgementChangesProjection : IProjection
{
    public const string ViewName = "judgement-changes";

    /// <summary>Events a page: the score views' size, for the same reason (a rebuild's round trips and
    /// transactions are per page; a page's rows are a few megabytes of arrays).</summary>
    public const int PageSize = Scores.ScoreViewProjection<Scores.InspectionScores>.PageSize;

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var rows = events.Select(RenderedChange.Of).OfType<RenderedChange>().ToList();
        if (rows.Count == 0) return Task.CompletedTask;
        // New rows are inserted; a row already there is written again only where it differs. A rebuild renders every
        // row again and finds it unchanged: neither statement then writes or locks it (an upsert's "do update ...
        // where" would still lock every row, rewriting the whole table's pages), nor parses its JSON (the insert
        // takes only the rows not there), so a rebuild is reads and probes. The JSON travels as the bytes rendered.
        operations.QueueSqlCommand(
            $"""
             with given as (
                  select * from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                      as given (inspection, version, sequence, judgement, "case", question, previous, answer, occurred, recorded, change)),
             changed as (
                  update {JudgementChangeTable.Name} as stored
                     set seq_id = given.sequence, judgement_id = given.judgement, case_id = given."case", question_id = given.question,
                         previous = given.previous, answer = given.answer, occurred_at = given.occurred, recorded_at = given.recorded,
                         change = convert_from(given.change, 'UTF8')::json
                    from given
                   where stored.inspection_id = given.inspection and stored.stream_version = given.version
                     and (stored.seq_id, stored.judgement_id, stored.case_id, stored.question_id, stored.previous, stored.answer,
                          stored.occurred_at, stored.recorded_at, convert_to(stored.change::text, 'UTF8'))
                         is distinct from (given.sequence, given.judgement, given."case", given.question, given.previous, given.answer,
                          given.occurred, given.recorded, given.change))
             insert into {JudgementChangeTable.Name}
                    (inspection_id, stream_version, seq_id, judgement_id, case_id, question_id, previous, answer, occurred_at, recorded_at, change)
             select inspection, version, sequence, judgement, "case", question, previous, answer, occurred, recorded, convert_from(change, 'UTF8')::json
               from given
              where not exists (select from {JudgementChangeTable.Name} as stored
                                 where stored.inspection_id = given.inspection and stored.stream_version = given.version)
                 on conflict (inspection_id, stream_version) do nothing
             """,
            rows.Select(r => r.InspectionId).ToArray(), rows.Select(r => r.Version).ToArray(), rows.Select(r => r.Sequence).ToArray(),
            rows.Select(r => r.JudgementId).ToArray(), rows.Select(r => r.CaseId).ToArray(), rows.Select(r => r.QuestionId).ToArray(),
            rows.Select(r => r.Previous is { } previous ? Answers.Name(previous) : null).ToArray(), rows.Select(r => Answers.Name(r.Answer)).ToArray(),
            rows.Select(r => r.OccurredAt.ToUniversalTime()).ToArray(), rows.Select(r => r.RecordedAt.ToUniversalTime()).ToArray(),
            rows.Select(r => Bytes(r.Json)).ToArray());
        return Task.CompletedTask;
    }

    // A rendering's own array, as RenderedChange.Of writes it; a slice of a window's buffer copied out.
    private static byte[] Bytes(ReadOnlyMemory<byte> json) =>
        MemoryMarshal.TryGetArray(json, out var whole) && whole is { Offset: 0, Array: { } array } && whole.Count == array.Length ? array : json.ToArray();
}
