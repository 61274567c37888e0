namespace CaseLedger.Demo.Synthesis;

/// <summary>
/// Synthesises judgement-level answers behind published scores: given a framework, a sample of cases and the
/// whole-number scores a report published for some criteria, sections and themes, it answers every question for
/// every case so that the computed scores are exactly those. A question that does not apply to a case is answered
/// not applicable; some applicable ones are too, where the published figures need a scope to weigh less.
/// The same inputs and seed always give the same answers.
/// </summary>
public static class JudgementSynthesiser
{
    /// <summary>At least this share of the cases a question applies to get a sufficient or insufficient answer.</summary>
    private const double MinimumAnsweredShare = 1.0 / 3;

    /// <summary>How far, either way, a question's natural pass rate may stray from its scopes' targets.</summary>
    private const double RateJitter = 0.06;

    /// <exception cref="ArgumentException">Duplicate cases or targets, or a target for a scope the framework lacks.</exception>
    /// <exception cref="InvalidOperationException">The targets cannot all be met with these cases.</exception>
    public static IReadOnlyList<CaseAnswer> Synthesise(
        Framework framework,
        IReadOnlyList<SampleCase> cases,
        IReadOnlyList<ScoreTarget> targets,
        int seed)
    {
        var scheme = ScoringScheme.From(framework);
        CheckInputs(scheme, cases, targets);
        var targetIndexByScope = targets
            .Select((target, index) => (Scope: scheme.GetScope(target.Kind, target.Id).Ordinal, Index: index))
            .ToDictionary(entry => entry.Scope, entry => entry.Index);
        var questions = framework.Sections.SelectMany(s => s.Criteria).SelectMany(c => c.Questions).ToArray();
        var random = new Random(seed);

        var slots = questions.Select(question => Slot(scheme, question, cases, targets, targetIndexByScope, random)).ToArray();
        var counts = CountSearch.Solve(slots, targets);
        var answers = AnswerAssignment.Assign(questions, cases, counts, random);

        CheckScores(scheme, targets, answers);
        return answers;
    }

    private static QuestionSlot Slot(
        ScoringScheme scheme,
        Question question,
        IReadOnlyList<SampleCase> cases,
        IReadOnlyList<ScoreTarget> targets,
        Dictionary<int, int> targetIndexByScope,
        Random random)
    {
        var eligible = cases.Count(sampleCase => question.AppliesTo.Covers(sampleCase));
        var scopes = scheme.ScopesOf(question.Id);
        var targetIndexes = scopes
            .Where(scope => targetIndexByScope.ContainsKey(scope.Ordinal))
            .Select(scope => targetIndexByScope[scope.Ordinal])
            .ToArray();
        var criterion = scopes.Single(scope => scope.Kind == ScopeKind.Criterion).Ordinal;
        var jitter = (2 * random.NextDouble() - 1) * RateJitter;
        var naturalRate = Math.Clamp(BaseRate(targets, targetIndexes) + jitter, 0, 1);
        return new QuestionSlot(eligible, (int)Math.Ceiling(eligible * MinimumAnsweredShare), naturalRate, targetIndexes, criterion);
    }

    /// <summary>
    /// A question looks natural scoring near its criterion's and themes' targets; failing those, its section's;
    /// failing that, the inspection's average.
    /// </summary>
    private static double BaseRate(IReadOnlyList<ScoreTarget> targets, int[] targetIndexes)
    {
        var own = targetIndexes.Select(index => targets[index]).ToArray();
        var specific = own.Where(target => target.Kind != ScopeKind.Section).ToArray();
        var chosen = specific.Length > 0 ? specific : own.Length > 0 ? own : targets;
        return chosen.Count > 0 ? chosen.Average(target => target.Score) / 100.0 : 0.75;
    }

    private static void CheckInputs(ScoringScheme scheme, IReadOnlyList<SampleCase> cases, IReadOnlyList<ScoreTarget> targets)
    {
        if (cases.Select(sampleCase => sampleCase.Id).Distinct().Count() != cases.Count)
            throw new ArgumentException("Each case may appear only once in the sample.", nameof(cases));
        if (targets.Select(target => (target.Kind, target.Id)).Distinct().Count() != targets.Count)
            throw new ArgumentException("Each scope may have only one target.", nameof(targets));
        foreach (var target in targets)
        {
            scheme.GetScope(target.Kind, target.Id);
            if (target.Score is < 0 or > 100)
                throw new ArgumentException($"Target for {target.Kind} '{target.Id}' is {target.Score}, outside 0–100.", nameof(targets));
        }
    }

    private static void CheckScores(ScoringScheme scheme, IReadOnlyList<ScoreTarget> targets, IReadOnlyList<CaseAnswer> answers)
    {
        var board = Scorer.Compute(scheme, answers);
        foreach (var target in targets)
        {
            var score = board.Get(target.Kind, target.Id).Score;
            if (score != target.Score)
                throw new InvalidOperationException($"Synthesis missed {target.Kind} '{target.Id}': {score} instead of {target.Score}.");
        }
    }
}
