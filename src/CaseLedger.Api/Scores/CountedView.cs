namespace CaseLedger.Api.Scores;

/// <summary>
/// What every per-inspection score view holds: the inspection it is of, the framework it counts by, the answer
/// counts of every scope (three per scope, in the scheme's scope order) and the stream version it has applied.
/// </summary>
public abstract class CountedView
{
    public Guid Id { get; set; }
    public string FrameworkId { get; set; } = "";
    public int FrameworkVersion { get; set; }
    public int[] Counts { get; set; } = [];
    public long Version { get; set; }
}
