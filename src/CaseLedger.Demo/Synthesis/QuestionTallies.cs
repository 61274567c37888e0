namespace CaseLedger.Demo.Synthesis;

/// <summary>
/// The count search's state: each question's answered and sufficient counts, and their sums per target. It starts
/// with every eligible case answered, at the question's natural pass rate.
/// </summary>
internal sealed class QuestionTallies
{
    private readonly IReadOnlyList<QuestionSlot> questions;

    public QuestionTallies(IReadOnlyList<QuestionSlot> questions, int targetCount)
    {
        this.questions = questions;
        Applicable = [.. questions.Select(q => q.Eligible)];
        Sufficient = [.. questions.Select(q => (int)Math.Round(q.NaturalRate * q.Eligible, MidpointRounding.AwayFromZero))];
        TargetApplicable = new long[targetCount];
        TargetSufficient = new long[targetCount];
        for (var q = 0; q < questions.Count; q++)
            ShiftTargets(q, Sufficient[q], Applicable[q]);
    }

    public int[] Applicable { get; }

    public int[] Sufficient { get; }

    public long[] TargetApplicable { get; }

    public long[] TargetSufficient { get; }

    /// <summary>Whether the question's counts may move so: never below its minimum answered, nor above its eligible cases.</summary>
    public bool Allows(int q, int sufficientChange, int applicableChange)
    {
        var applicable = Applicable[q] + applicableChange;
        var sufficient = Sufficient[q] + sufficientChange;
        return applicable >= questions[q].MinimumApplicable && applicable <= questions[q].Eligible
            && sufficient >= 0 && sufficient <= applicable;
    }

    public void Shift(int q, int sufficientChange, int applicableChange)
    {
        Sufficient[q] += sufficientChange;
        Applicable[q] += applicableChange;
        ShiftTargets(q, sufficientChange, applicableChange);
    }

    public QuestionCounts[] Counts() => [.. Applicable.Zip(Sufficient, (a, s) => new QuestionCounts(a, s))];

    private void ShiftTargets(int q, int sufficientChange, int applicableChange)
    {
        foreach (var t in questions[q].Targets)
        {
            TargetSufficient[t] += sufficientChange;
            TargetApplicable[t] += applicableChange;
        }
    }
}
