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

/// <summary>The dataset the load put in the ledger (its events counted in the ledger itself), and the load's own timings.</summary>
public sealed record DatasetFacts(
    int Inspections,
    int Yots,
    int Regions,
    IReadOnlyDictionary<string, int> InspectionsByFramework,
    long Cases,
    long Judgements,
    long Revisions,
    long Moderations,
    QaFacts Qa,
    int Published,
    long Events,
    string LargestInspection,
    PhaseFigure SetUpRequests,
    PhaseFigure RevisionAndModerationRequests,
    double LoadSeconds);

/// <summary>The QA the load did before publication: inspections with a sample, judgements sampled, those QA
/// overturned (the rest confirmed), and the requests it took.</summary>
public sealed record QaFacts(int Inspections, long Sampled, long Overturned, PhaseFigure Requests);

/// <summary>Requests of one kind the load sent, and the wall-clock time they took.</summary>
public sealed record PhaseFigure(long Requests, double Seconds)
{
    public double PerSecond => Seconds > 0 ? Requests / Seconds : 0;
}

/// <summary>The database after the run: what PostgreSQL holds, product and baselines together.</summary>
public sealed record DatabaseFacts(string ServerVersion, long EventsInLedger, double DatabaseMb, double EventTableMb, double DocumentTablesMb, double RawSchemaMb);
