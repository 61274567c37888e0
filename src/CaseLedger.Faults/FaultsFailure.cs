namespace CaseLedger.Faults;

/// <summary>The fault run itself could not go on (a cluster would not start, an API never became ready): not a
/// finding about CaseLedger, which a scenario reports in its result instead.</summary>
public sealed class FaultsFailure(string message) : Exception(message);
