using Weasel.Postgresql.Tables;

namespace CaseLedger.Api.History.Changes;

/// <summary>
/// The judgement-changes view's table, beside Marten's and created with them: one row per change to a judgement,
/// keyed by its inspection and version, so a history window is one range scan of the primary key. Both times are the
/// ledger's own, to the microsecond, so a point takes a change in or leaves it out here exactly as it does the event.
/// </summary>
public static class JudgementChangeTable
{
    public const string Name = EventStoreSetup.Schema + ".judgement_changes";

    public static void AddTo(StoreOptions options)
    {
        var table = new Table(Name);
        table.AddColumn<Guid>("inspection_id").AsPrimaryKey();
        table.AddColumn<long>("stream_version").AsPrimaryKey();
        table.AddColumn<long>("seq_id").NotNull();
        table.AddColumn<Guid>("judgement_id").NotNull();
        table.AddColumn<Guid>("case_id").NotNull();
        table.AddColumn<string>("question_id").NotNull();
        table.AddColumn<string>("previous");
        table.AddColumn<string>("answer").NotNull();
        table.AddColumn<DateTimeOffset>("occurred_at").NotNull();
        table.AddColumn<DateTimeOffset>("recorded_at").NotNull();
        table.AddColumn("change", "json").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
    }
}
