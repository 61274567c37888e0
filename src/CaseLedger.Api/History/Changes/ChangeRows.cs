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
    /// <paramref name="toVersion"/>, in version order.</summary>
    public static async Task<IReadOnlyList<RenderedChange>> WindowAsync(
        IQuerySession session, Guid inspectionId, long afterVersion, long toVersion, CancellationToken cancellation)
    {
        if (toVersion <= afterVersion) return [];
        var applied = await session.DocumentStore.Advanced.ProjectionProgressFor(
            new ShardName(JudgementChangesProjection.ViewName), token: cancellation);
        return await WindowAsync(session, inspectionId, afterVersion, toVersion, applied, cancellation);
    }

    /// <summary>The same, trusting the view's rows only up to global sequence <paramref name="appliedThrough"/>
    /// (0: none, every change replayed from the events).</summary>
    public static async Task<IReadOnlyList<RenderedChange>> WindowAsync(
        IQuerySession session, Guid inspectionId, long afterVersion, long toVersion, long appliedThrough, CancellationToken cancellation)
    {
        var changes = new List<RenderedChange>();
        await using (var command = new NpgsqlCommand(
            $"""
             select seq_id, stream_version, judgement_id, case_id, question_id, previous, answer, occurred_at, recorded_at, change
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
                    reader.GetString(4), reader.IsDBNull(5) ? null : Enum.Parse<Answer>(reader.GetString(5)), Enum.Parse<Answer>(reader.GetString(6)),
                    reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8),
                    reader.GetFieldValue<byte[]>(9)));
        }
        var unapplied = await new LedgerEvents(session).AfterSequenceAsync(inspectionId, appliedThrough, afterVersion, toVersion, cancellation);
        if (unapplied.Count == 0) return changes;
        changes.AddRange(unapplied.Select(RenderedChange.Of).OfType<RenderedChange>());
        // In one stream a later version always has a later sequence, so this keeps the order; sorted all the same, it
        // costs nothing beside the read and the answer cannot depend on it.
        changes.Sort((a, b) => a.Version.CompareTo(b.Version));
        return changes;
    }
}
