using CaseLedger.Api.Frameworks;

namespace CaseLedger.Bench.Dataset;

/// <summary>
/// How an inspection answers: each inspection has its own quality of work (the published scores run from the
/// thirties to the nineties), each question strays a little from it, a few answers are not applicable, and an
/// "insufficient" gives one or two of the question's reason codes.
/// </summary>
public sealed class AnswerDraws(Random random)
{
    private static readonly IReadOnlyList<string> Notes =
    [
        "Evidence seen in the case file and discussed with the case manager.",
        "Completed, but the plan did not address the concerns in the assessment.",
        "Not reviewed after the change in circumstances.",
        "Good quality; clear links to the intervention plan.",
        "Late: completed after the first review date.",
    ];

    private static readonly IReadOnlyList<string> Rationales =
    [
        "Quality assurance: the evidence cited does not meet the practice guidance.",
        "Moderated against the national standard after a second reading of the file.",
        "Consistency with the team's other judgements on this question.",
    ];

    private readonly double quality = random.Between(0.45, 0.92);
    private readonly Dictionary<string, double> questionRates = [];

    public PlannedJudgement Judge(SampledCase @case, Question question, string by)
    {
        var rate = QuestionRate(question.Id);
        var answer = random.Chance(0.04) ? "not-applicable" : random.Chance(rate) ? "sufficient" : "insufficient";
        return new PlannedJudgement(random.NextGuid(), @case.Id, question.Id, answer, ReasonsFor(answer, question),
            random.Chance(0.12) ? random.Pick(Notes) : null, by);
    }

    /// <summary>The change a revision or moderation makes: the answer turns over.</summary>
    public (string Answer, IReadOnlyList<string> Reasons) TurnOver(string current, Question question)
    {
        var answer = current == "sufficient" ? "insufficient" : "sufficient";
        return (answer, ReasonsFor(answer, question));
    }

    public string RevisionNote() => random.Pick(Notes);

    public string Rationale() => random.Pick(Rationales);

    private double QuestionRate(string questionId)
    {
        if (!questionRates.TryGetValue(questionId, out var rate))
            questionRates[questionId] = rate = Math.Clamp(quality + random.Between(-0.12, 0.12), 0.05, 0.98);
        return rate;
    }

    private IReadOnlyList<string> ReasonsFor(string answer, Question question)
    {
        if (answer != "insufficient") return [];
        var count = question.ReasonCodes.Count > 1 && random.Chance(0.3) ? 2 : 1;
        return [.. question.ReasonCodes.OrderBy(_ => random.Next()).Take(count)];
    }
}
