using Npgsql;

namespace CaseLedger.Faults.Load;

/// <summary>
/// What the ledger holds of a plan's writes, read from the event table itself after the run: how many times each
/// judgement id was recorded, and each revision note and moderation rationale stated. A write acknowledged and not
/// found is lost; one found more than once is doubled. Whether it was acknowledged plays no part in doubling: a
/// retry of an unanswered write must not append it twice either.
/// </summary>
public sealed record LedgerCount(int Sent, int Acknowledged, int Present, int Lost, int Doubled, int PresentUnacknowledged)
{
    private const string Events = "caseledger.mt_events";

    public static async Task<LedgerCount> ReadAsync(NpgsqlDataSource database, LoadPlan plan, IReadOnlyCollection<WriteOutcome> outcomes, CancellationToken cancellation)
    {
        var recorded = await CountAsync(database, plan.Inspection.Id, "judgement_recorded", "judgementId", cancellation);
        var revised = await CountAsync(database, plan.Inspection.Id, "judgement_revised", "note", cancellation);
        var moderated = await CountAsync(database, plan.Inspection.Id, "judgement_moderated", "rationale", cancellation);
        return From(outcomes, recorded, revised, moderated);
    }

    /// <summary>The count, given how many times the ledger holds each judgement id, revision note and moderation rationale.</summary>
    public static LedgerCount From(IReadOnlyCollection<WriteOutcome> outcomes, IReadOnlyDictionary<string, int> recorded,
        IReadOnlyDictionary<string, int> revised, IReadOnlyDictionary<string, int> moderated)
    {
        int Times(PlannedWrite write) => write.Kind switch
        {
            WriteKind.Revision => revised.GetValueOrDefault(write.Marker!),
            WriteKind.Moderation => moderated.GetValueOrDefault(write.Marker!),
            // A batch is all or nothing: present when every item is, doubled when any item is recorded twice.
            _ => write.Judgements.Select(id => recorded.GetValueOrDefault(id.ToString())).ToList() is var items && items.Any(n => n > 1)
                ? items.Max() : items.Min(),
        };

        var sent = outcomes.Where(o => !o.Skipped).ToList();
        var times = sent.ToDictionary(o => o.Write.Index, o => Times(o.Write));
        return new LedgerCount(
            Sent: sent.Count,
            Acknowledged: sent.Count(o => o.Acknowledged),
            Present: sent.Count(o => times[o.Write.Index] > 0),
            Lost: sent.Count(o => o.Acknowledged && times[o.Write.Index] == 0),
            Doubled: sent.Count(o => times[o.Write.Index] > 1),
            PresentUnacknowledged: sent.Count(o => !o.Acknowledged && times[o.Write.Index] > 0));
    }

    private static async Task<Dictionary<string, int>> CountAsync(NpgsqlDataSource database, Guid inspection, string type, string field, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand(
            $"select data ->> '{field}', count(*) from {Events} where stream_id = $1 and type = $2 group by 1");
        command.Parameters.AddWithValue(inspection);
        command.Parameters.AddWithValue(type);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellation)) counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        return counts;
    }
}
