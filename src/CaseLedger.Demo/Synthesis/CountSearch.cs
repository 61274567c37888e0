namespace CaseLedger.Demo.Synthesis;

/// <summary>
/// Finds per-question counts (answered, sufficient) whose sums round to every target score. Criteria, sections and
/// themes overlap, so they are solved together by best-improvement local search over small changes (answers
/// flipped, set aside as not applicable or brought back, or traded between two questions of one criterion).
/// The search minimises, for each target, the weighted square of how far its score strays beyond a comfortable
/// distance from the target, plus a small cost for looking unnatural. A squared cost rather than a hard
/// interval matters: a score near the edge of its interval still gives way a little when that lets another come
/// much closer, so no target blocks the rest. When the search settles with a target still missed, that target's
/// weight doubles and the search goes on (the breakout method), which keeps it deterministic without restarts.
/// </summary>
internal sealed class CountSearch
{
    /// <summary>Scores this close to the target cost nothing: safely inside the ±0.5 that rounds to it.</summary>
    private const double ComfortableDistance = 0.4;

    private const double PlausibilityWeight = 0.01;
    private const int MaxSteps = 50_000;
    private const int MaxBreakouts = 64;

    private readonly IReadOnlyList<QuestionSlot> questions;
    private readonly IReadOnlyList<ScoreTarget> targets;
    private readonly CountChange[] changes;
    private readonly Trade[] trades;
    private readonly QuestionTallies tallies;
    private readonly double[] weights;
    private readonly double[] costs;

    private CountSearch(IReadOnlyList<QuestionSlot> questions, IReadOnlyList<ScoreTarget> targets)
    {
        this.questions = questions;
        this.targets = targets;
        changes = Moves.CountChanges(questions);
        trades = Moves.Trades(questions);
        tallies = new QuestionTallies(questions, targets.Count);
        weights = [.. targets.Select(_ => 1.0)];
        costs = [.. Enumerable.Range(0, targets.Count).Select(t => Cost(t, 0, 0))];
    }

    /// <exception cref="InvalidOperationException">No counts were found that meet every target.</exception>
    public static QuestionCounts[] Solve(IReadOnlyList<QuestionSlot> questions, IReadOnlyList<ScoreTarget> targets)
    {
        var search = new CountSearch(questions, targets);
        search.Run();
        return search.tallies.Counts();
    }

    private void Run()
    {
        var breakouts = 0;
        for (var step = 0; step < MaxSteps && breakouts < MaxBreakouts; step++)
        {
            if (TakeBestStep())
                continue;
            var missed = Missed();
            if (missed.Length == 0)
                return;
            foreach (var t in missed)
            {
                weights[t] *= 2;
                costs[t] = Cost(t, 0, 0);
            }

            breakouts++;
        }

        var unmet = Missed();
        if (unmet.Length == 0)
            return;
        var misses = unmet.Select(t =>
            $"{targets[t].Kind} '{targets[t].Id}' wants {targets[t].Score}%, ended at {tallies.TargetSufficient[t]}/{tallies.TargetApplicable[t]}");
        throw new InvalidOperationException($"Could not meet every target score: {string.Join("; ", misses)}.");
    }

    private int[] Missed() =>
    [
        .. Enumerable.Range(0, targets.Count).Where(t =>
            tallies.TargetApplicable[t] == 0
            || Percentage.RoundHalfUp(tallies.TargetSufficient[t], tallies.TargetApplicable[t]) != targets[t].Score),
    ];

    /// <summary>Makes the change that lowers the objective most; false when none lowers it.</summary>
    private bool TakeBestStep()
    {
        const double noGain = -1e-12;
        var (bestChange, bestChangeGain) = (-1, noGain);
        for (var i = 0; i < changes.Length; i++)
        {
            var gain = Gain(changes[i]);
            if (gain < bestChangeGain)
                (bestChange, bestChangeGain) = (i, gain);
        }

        var (bestTrade, bestTradeGain) = (-1, bestChangeGain);
        for (var i = 0; i < trades.Length; i++)
        {
            var gain = Gain(trades[i]);
            if (gain < bestTradeGain)
                (bestTrade, bestTradeGain) = (i, gain);
        }

        if (bestTrade >= 0)
        {
            var trade = trades[bestTrade];
            tallies.Shift(trade.Gainer, 1, 0);
            tallies.Shift(trade.Loser, -1, 0);
            Recost(questions[trade.Gainer].Targets);
            Recost(questions[trade.Loser].Targets);
            return true;
        }

        if (bestChange >= 0)
        {
            var change = changes[bestChange];
            tallies.Shift(change.Question, change.Sufficient, change.Applicable);
            Recost(questions[change.Question].Targets);
            return true;
        }

        return false;
    }

    /// <summary>How much a change would move the objective; negative is better, +∞ when it is not allowed.</summary>
    private double Gain(CountChange change)
    {
        var q = change.Question;
        if (!tallies.Allows(q, change.Sufficient, change.Applicable))
            return double.PositiveInfinity;
        var gain = PlausibilityWeight * PlausibilityChange(q, change.Sufficient, change.Applicable);
        foreach (var t in questions[q].Targets)
            gain += Cost(t, change.Sufficient, change.Applicable) - costs[t];
        return gain;
    }

    private double Gain(Trade trade)
    {
        if (!tallies.Allows(trade.Gainer, 1, 0) || !tallies.Allows(trade.Loser, -1, 0))
            return double.PositiveInfinity;
        var gain = PlausibilityWeight * (PlausibilityChange(trade.Gainer, 1, 0) + PlausibilityChange(trade.Loser, -1, 0));
        foreach (var shift in trade.Shifts)
            gain += Cost(shift.Target, shift.Sufficient, 0) - costs[shift.Target];
        return gain;
    }

    private void Recost(int[] touched)
    {
        foreach (var t in touched)
            costs[t] = Cost(t, 0, 0);
    }

    /// <summary>A target's cost if its counts moved by the given amounts.</summary>
    private double Cost(int t, int sufficientChange, int applicableChange)
    {
        var applicable = tallies.TargetApplicable[t] + applicableChange;
        var distance = applicable == 0
            ? 100
            : Math.Abs(100.0 * (tallies.TargetSufficient[t] + sufficientChange) / applicable - targets[t].Score);
        var outside = Math.Max(0, distance - ComfortableDistance);
        return weights[t] * outside * outside;
    }

    private double PlausibilityChange(int q, int sufficientChange, int applicableChange) =>
        Plausibility(q, tallies.Sufficient[q] + sufficientChange, tallies.Applicable[q] + applicableChange)
        - Plausibility(q, tallies.Sufficient[q], tallies.Applicable[q]);

    /// <summary>
    /// Distance from looking natural: a pass rate away from the question's natural rate, and answers set aside as
    /// not applicable (squared, so that setting aside is spread over questions rather than piled on one).
    /// </summary>
    private double Plausibility(int q, int sufficient, int applicable)
    {
        var slot = questions[q];
        var offRate = sufficient - slot.NaturalRate * applicable;
        var rateCost = applicable == 0 ? 0 : offRate * offRate / applicable;
        var setAside = slot.Eligible - applicable;
        return rateCost + (slot.Eligible == 0 ? 0 : (double)setAside * setAside / slot.Eligible);
    }
}
