namespace CaseLedger.Demo.Synthesis;

/// <summary>
/// Turns per-question counts into answers for particular cases. Each case gets a seeded overall quality, so that,
/// as in a real sample, some cases are handled well across most questions and others poorly; which eligible cases a
/// question is set aside for is drawn at random.
/// </summary>
internal static class AnswerAssignment
{
    private const double CaseToCaseNoise = 0.6;

    public static IReadOnlyList<CaseAnswer> Assign(
        IReadOnlyList<Question> questions,
        IReadOnlyList<SampleCase> cases,
        IReadOnlyList<QuestionCounts> counts,
        Random random)
    {
        var quality = cases.Select(_ => random.NextDouble()).ToArray();
        var grid = new Answer[cases.Count, questions.Count];
        for (var q = 0; q < questions.Count; q++)
        {
            var eligible = Enumerable.Range(0, cases.Count).Where(c => questions[q].AppliesTo.Covers(cases[c])).ToArray();
            for (var c = 0; c < cases.Count; c++)
                grid[c, q] = Answer.NotApplicable;

            random.Shuffle(eligible);
            var answered = eligible.Take(counts[q].Applicable)
                .Select(c => (Case: c, Rank: quality[c] + CaseToCaseNoise * random.NextDouble()))
                .OrderByDescending(entry => entry.Rank)
                .ThenBy(entry => entry.Case)
                .Select(entry => entry.Case)
                .ToArray();
            for (var rank = 0; rank < answered.Length; rank++)
                grid[answered[rank], q] = rank < counts[q].Sufficient ? Answer.Sufficient : Answer.Insufficient;
        }

        var answers = new List<CaseAnswer>(cases.Count * questions.Count);
        for (var c = 0; c < cases.Count; c++)
        {
            for (var q = 0; q < questions.Count; q++)
                answers.Add(new CaseAnswer(cases[c].Id, questions[q].Id, grid[c, q]));
        }

        return answers;
    }
}
