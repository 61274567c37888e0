namespace CaseLedger.Demo.Synthesis;

/// <summary>A change to one question's counts: answers flipped, or set aside as not applicable, or brought back.</summary>
internal readonly record struct CountChange(int Question, int Sufficient, int Applicable);

/// <summary>
/// One sufficient answer traded from <see cref="Loser"/> to <see cref="Gainer"/>, two questions of one criterion.
/// The criterion and section do not move; only the targets in <see cref="Shifts"/> (themes one question is key for
/// and the other is not) do.
/// </summary>
internal sealed record Trade(int Gainer, int Loser, TargetShift[] Shifts);

internal readonly record struct TargetShift(int Target, int Sufficient);

internal static class Moves
{
    /// <summary>
    /// How many answers one change may set aside as not applicable, or bring back, at once. Setting aside a block
    /// with the question's own mix of sufficient and insufficient answers lightens a scope without moving its
    /// score, a step that single answers, each moving the score, cannot take downhill.
    /// </summary>
    private static readonly int[] BlockSizes = [1, 2, 4, 8];

    private static readonly (int Sufficient, int Applicable)[] Changes =
    [
        (1, 0),
        (-1, 0),
        .. BlockSizes.SelectMany(size => Enumerable.Range(0, size + 1).SelectMany(sufficient => new[] { (-sufficient, -size), (sufficient, size) })),
    ];

    public static CountChange[] CountChanges(IReadOnlyList<QuestionSlot> questions) =>
    [
        .. Enumerable.Range(0, questions.Count)
            .Where(q => questions[q].Eligible > 0)
            .SelectMany(q => Changes.Select(change => new CountChange(q, change.Sufficient, change.Applicable))),
    ];

    /// <summary>Every trade that moves some target: between two questions of a criterion that differ in their themes.</summary>
    public static Trade[] Trades(IReadOnlyList<QuestionSlot> questions)
    {
        var trades = new List<Trade>();
        for (var gainer = 0; gainer < questions.Count; gainer++)
        {
            for (var loser = 0; loser < questions.Count; loser++)
            {
                if (gainer == loser || questions[gainer].Criterion != questions[loser].Criterion
                    || questions[gainer].Eligible == 0 || questions[loser].Eligible == 0)
                    continue;
                TargetShift[] shifts =
                [
                    .. questions[gainer].Targets.Except(questions[loser].Targets).Select(t => new TargetShift(t, 1)),
                    .. questions[loser].Targets.Except(questions[gainer].Targets).Select(t => new TargetShift(t, -1)),
                ];
                if (shifts.Length > 0)
                    trades.Add(new Trade(gainer, loser, shifts));
            }
        }

        return [.. trades];
    }
}
