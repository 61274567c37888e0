using CaseLedger.Bench.Dataset;

namespace CaseLedger.Bench.Measures;

/// <summary>What the load put in the ledger, and the work around the bulk recording that it timed for context.</summary>
public sealed record LoadedDataset(
    int Inspections,
    int Yots,
    int Regions,
    IReadOnlyDictionary<string, int> InspectionsByFramework,
    long Cases,
    long Judgements,
    long Revisions,
    long Moderations,
    int Published,
    long PlannedEvents,
    long StoredEvents,
    PlannedInspection Largest,
    DateTimeOffset MidLoadAt,
    PhaseFigure SetUp,
    PhaseFigure Changes,
    TimeSpan Total);

/// <summary>Requests of one kind the load sent, and the wall-clock time they took.</summary>
public sealed record PhaseFigure(long Requests, double Seconds)
{
    public double PerSecond => Seconds > 0 ? Requests / Seconds : 0;
}
