using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Scoring;
using JasperFx.Events.Projections;
using Npgsql;

namespace CaseLedger.Api.History.Changes;

/// <summary>
/// Reads a window of one inspection's judgement changes: the view's rows for the events it has applied, and the
/// events after those rendered as the view would render them. The view writes its rows and its progress in one
/// transaction, so the rows up to the progress read first are all there; a row above it (left from before a rebuild,
/// or committed since) is not trusted, and its event is replayed instead. The answer is the ledger's, however far
/// behind the view is, even while it is rebuilt.
/// </summary>
public static class ChangeRows
{
    /// <summary>The changes between versions <paramref name="afterVersion"/> (exclusive) and
    /// <paramref name="toVersion"/>, in version order; to be disposed when the answer has been written.</summary>
    public static async Task<ChangeWindow> WindowAsync(
        IQuerySession session, Guid inspectionId, long afterVersion, long toVersion, CancellationToken cancellation)
    {
        if (toVersion <= afterVersion) return new ChangeWindow();
        return await WindowAsync(session, inspectionId, afterVersion, toVersion, await AppliedThroughAsync(session, cancellation), cancellation);
    }

    /// <summary>The same, trusting the view's rows only up to global sequence <paramref name="appliedThrough"/>
    /// (0: none, every change replayed from the events).</summary>
    public static async Task<ChangeWindow> WindowAsync(
        IQuerySession session, Guid inspectionId, long afterVersion, long toVersion, long appliedThrough, CancellationToken cancellation)
    {
        var changes = new ChangeWindow();
        // The JSON as bytes, copied from the row straight into the window's buffers.
        await using (var command = new NpgsqlCommand(
            $"""
             select seq_id, stream_version, judgement_id, case_id, question_id, previous, answer, occurred_at, recorded_at,
                    convert_to(change::text, 'UTF8')
               from {JudgementChangeTable.Name}
              where inspection_id = $1 and stream_version > $2 and stream_version <= $3 and seq_id <= $4
              order by stream_version
             """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = inspectionId });
            command.Parameters.Add(new NpgsqlParameter { Value = afterVersion });
            command.Parameters.Add(new NpgsqlParameter { Value = toVersion });
            command.Parameters.Add(new NpgsqlParameter { Value = appliedThrough });
            await using var reader = await session.ExecuteReaderAsync(command, cancellation);
            while (await reader.ReadAsync(cancellation))
                changes.Add(new RenderedChange(reader.GetInt64(0), inspectionId, reader.GetInt64(1), reader.GetGuid(2), reader.GetGuid(3),
                    reader.GetString(4), reader.IsDBNull(5) ? null : AnswerIn(reader.GetString(5)), AnswerIn(reader.GetString(6)),
                    reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8),
                    changes.Copy(reader, 9)));
        }
        // The view has applied the whole window when it has applied the window's last event: nearly always.
        var ledger = new LedgerEvents(session);
        if (await ledger.SequenceAtAsync(inspectionId, toVersion, cancellation) is not { } last || last <= appliedThrough) return changes;
        var unapplied = await ledger.AfterSequenceAsync(inspectionId, appliedThrough, afterVersion, toVersion, cancellation);
        changes.AddRange(unapplied.Select(RenderedChange.Of).OfType<RenderedChange>());
        // In one stream a later version always has a later sequence, so this keeps the order; sorted all the same, it
        // costs nothing beside the read and the answer cannot depend on it.
        changes.SortByVersion();
        return changes;
    }

    /// <summary>What <c>verify</c> holds each row against: the change's place, judgement and answers (by name, as
    /// stored, so a row edited to hold no answer is shown as it is).</summary>
    public sealed record StoredChange(long Sequence, long Version, Guid JudgementId, string? Previous, string Answer)
    {
        public static StoredChange Of(IEvent e, IJudgementChange change) =>
            new(e.Sequence, e.Version, change.JudgementId, change.Previous is { } previous ? Answers.Name(previous) : null, Answers.Name(change.Answer));
    }

    /// <summary>Every row of the inspection's that the view vouches for (up to its progress, returned with them),
    /// without the rendered JSON.</summary>
    public static async Task<(long AppliedThrough, List<StoredChange> Rows)> StoredAsync(
        IQuerySession session, Guid inspectionId, CancellationToken cancellation)
    {
        var applied = await AppliedThroughAsync(session, cancellation);
        await using var command = new NpgsqlCommand(
            $"select seq_id, stream_version, judgement_id, previous, answer from {JudgementChangeTable.Name} where inspection_id = $1 and seq_id <= $2");
        command.Parameters.Add(new NpgsqlParameter { Value = inspectionId });
        command.Parameters.Add(new NpgsqlParameter { Value = applied });
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        var rows = new List<StoredChange>();
        while (await reader.ReadAsync(cancellation))
            rows.Add(new StoredChange(reader.GetInt64(0), reader.GetInt64(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
        return (applied, rows);
    }

    private static Answer AnswerIn(string name) =>
        Answers.Parse(name) ?? throw new InvalidOperationException($"The {JudgementChangesProjection.ViewName} view holds '{name}' for an answer: rebuild it.");

    /// <summary>The global sequence up to which the view has applied every event: its rows up to there are whole.</summary>
    private static Task<long> AppliedThroughAsync(IQuerySession session, CancellationToken cancellation) =>
        session.DocumentStore.Advanced.ProjectionProgressFor(new ShardName(JudgementChangesProjection.ViewName), token: cancellation);
}
