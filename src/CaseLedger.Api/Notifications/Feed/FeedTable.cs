using Weasel.Postgresql.Tables;

namespace CaseLedger.Api.Notifications.Feed;

/// <summary>
/// The change feed's own table, beside Marten's and created with them: one row per event, keyed by its global
/// sequence, written by <see cref="FeedProjection"/> in sequence order. It is never truncated and no view rebuild
/// touches it, so a cursor handed out once names the same place for ever. Reporting clients read through the
/// partial index of the rows they may see, so their page is one index range scan however large the log grows.
/// </summary>
public static class FeedTable
{
    public const string Name = EventStoreSetup.Schema + ".feed_entries";

    /// <summary>The partial index's condition, as PostgreSQL writes it back, so the schema check finds it current.</summary>
    private const string ReportingRows = "for_reporting";

    public static void AddTo(StoreOptions options)
    {
        var table = new Table(Name);
        table.AddColumn<long>("seq_id").AsPrimaryKey();
        table.AddColumn<string>("kind").NotNull();
        table.AddColumn<Guid>("inspection_id");
        table.AddColumn<string>("yot").NotNull();
        table.AddColumn<long>("stream_version").NotNull();
        table.AddColumn<DateTimeOffset>("valid_at").NotNull();
        table.AddColumn<DateTimeOffset>("recorded_at").NotNull();
        table.AddColumn<bool>(ReportingRows).NotNull();
        table.Indexes.Add(new IndexDefinition("ix_feed_entries_reporting") { Columns = ["seq_id"], Predicate = ReportingRows });
        options.Storage.ExtendedSchemaObjects.Add(table);
    }
}
