using CaseLedger.Api.Inspections.Judging;

namespace CaseLedger.Demo;

/// <summary>
/// Answers that give each question exactly its stated counts. Which cases a question is answered for comes from a
/// shuffle seeded by its cohort (or by the question), so questions of one cohort share their cases; which of those
/// are sufficient follows a seeded quality per case, so that, as in a real sample, some cases do well on most
/// questions and others poorly.
/// </summary>
public static class CountedAnswers
{
    private const double CaseToCaseNoise = 0.6;

    /// <summary>An answer for every question that applies to each case; set-aside cases are not applicable.</summary>
    public static IReadOnlyList<CaseAnswer> Assign(Framework framework, IReadOnlyList<SampledCase> cases, StatedFindings findings)
    {
        var random = new Random(findings.Seed);
        var quality = cases.ToDictionary(@case => @case.Id, _ => random.NextDouble());
        var byQuestion = findings.Questions.ToDictionary(finding => finding.QuestionId);
        var unknown = byQuestion.Keys.Where(id => framework.FindQuestion(id) is null).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Findings name questions {string.Join(", ", unknown)}, which {framework.Id} does not have.");

        var answers = new List<CaseAnswer>();
        foreach (var question in framework.Sections.SelectMany(s => s.Criteria).SelectMany(c => c.Questions))
        {
            var finding = byQuestion.GetValueOrDefault(question.Id) ?? QuestionFinding.Reading(question.Id, findings.UsualRate);
            var eligible = cases.Where(@case => question.AppliesTo(@case)).ToList();
            var (applicable, sufficient) = finding.CountsAmong(eligible.Count);

            var answered = InCohortOrder(eligible, finding.Cohort ?? question.Id, findings.Seed).Take(applicable)
                .Select(@case => (@case.Id, Rank: quality[@case.Id] + CaseToCaseNoise * random.NextDouble()))
                .OrderByDescending(entry => entry.Rank)
                .Select(entry => entry.Id)
                .ToList();
            var answerOf = answered.Select((id, rank) => (id, rank < sufficient ? Answer.Sufficient : Answer.Insufficient))
                .ToDictionary(entry => entry.id, entry => entry.Item2);
            answers.AddRange(eligible.Select(@case =>
                new CaseAnswer(@case.Id, question.Id, answerOf.GetValueOrDefault(@case.Id, Answer.NotApplicable))));
        }

        return answers;
    }

    /// <summary>The same order for every question of a cohort: a shuffle seeded by the cohort's name.</summary>
    private static IEnumerable<SampledCase> InCohortOrder(IReadOnlyList<SampledCase> eligible, string cohort, int seed)
    {
        var order = eligible.ToArray();
        new Random(seed ^ StableHash.Of(cohort)).Shuffle(order);
        return order;
    }
}
