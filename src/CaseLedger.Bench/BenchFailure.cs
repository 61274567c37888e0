namespace CaseLedger.Bench;

/// <summary>The benchmark could not do the work it was to measure; it reports nothing rather than a wrong figure.</summary>
public sealed class BenchFailure(string message) : Exception(message);
