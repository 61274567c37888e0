namespace CaseLedger.Bench.Reporting;

/// <summary>The whole run: the machine, the versions, and each scale.</summary>
public sealed record RunReport(
    DateTimeOffset FinishedAt,
    double TotalSeconds,
    string Commit,
    MachineFacts Machine,
    IReadOnlyDictionary<string, string> Versions,
    IReadOnlyList<ScaleReport> Scales);

public sealed record MachineFacts(string Cpu, int Cores, double MemoryGb, string Os, string Kernel);
