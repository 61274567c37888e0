using CaseLedger.Bench.Reporting;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// What the load put in the ledger, as the report gives it, and what the later measures ask of it: the largest
/// inspection, and the moment half the dataset was in.
/// </summary>
public sealed record LoadedDataset(DatasetFacts Facts, PlannedInspection Largest, DateTimeOffset MidLoadAt);
