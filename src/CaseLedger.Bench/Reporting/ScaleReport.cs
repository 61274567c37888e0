using CaseLedger.Bench.Measures;

namespace CaseLedger.Bench.Reporting;

/// <summary>Everything one scale's run found: its dataset, its database, and every measure's figures.</summary>
public sealed record ScaleReport(
    long TargetEvents,
    DateTimeOffset StartedAt,
    double Seconds,
    string LoadAverageAtStart,
    DatasetFacts Dataset,
    DatabaseFacts Database,
    IReadOnlyList<MeasureResult> Results,
    BenchOptions Options);

public sealed record DatasetFacts(
    int Inspections,
    int Yots,
    int Regions,
    IReadOnlyDictionary<string, int> InspectionsByFramework,
    long Cases,
    long Judgements,
    long Revisions,
    long Moderations,
    int Published,
    long Events,
    string LargestInspection,
    PhaseFigure SetUpRequests,
    PhaseFigure RevisionAndModerationRequests,
    double LoadSeconds)
{
    public static DatasetFacts From(LoadedDataset loaded) => new(
        loaded.Inspections, loaded.Yots, loaded.Regions, loaded.InspectionsByFramework, loaded.Cases, loaded.Judgements,
        loaded.Revisions, loaded.Moderations, loaded.Published, loaded.StoredEvents,
        $"{loaded.Largest.Id} ({loaded.Largest.FrameworkId}, {loaded.Largest.Yot.Code}, {loaded.Largest.Cases.Count} cases, {loaded.Largest.EventCount:N0} events)",
        loaded.SetUp, loaded.Changes, loaded.Total.TotalSeconds);
}

/// <summary>The database after the run: what PostgreSQL holds, product and baselines together.</summary>
public sealed record DatabaseFacts(string ServerVersion, long EventsInLedger, double DatabaseMb, double EventTableMb, double DocumentTablesMb, double RawSchemaMb);
