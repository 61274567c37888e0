namespace CaseLedger.Demo.Synthesis;

/// <summary>
/// One question as the count search sees it: how many sampled cases it applies to, how few of those may be answered
/// (the rest are left not applicable), the pass rate that would look natural for it, the targets its answers count
/// towards, and its criterion (answers may trade between questions of one criterion without moving that criterion).
/// </summary>
internal sealed record QuestionSlot(int Eligible, int MinimumApplicable, double NaturalRate, int[] Targets, int Criterion);

/// <summary>How many of a question's eligible cases are answered, and how many of those are sufficient.</summary>
internal readonly record struct QuestionCounts(int Applicable, int Sufficient);
