using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Judging;

namespace CaseLedger.Bench.Dataset;

/// <summary>
/// An inspection built to hold a given number of judgements: every case is one every Core Case Inspection question
/// it can be asked applies to (73 of 76), and its judgements are shared round-robin among the team, so concurrent
/// inspectors never answer the same case and question.
/// </summary>
public static class UniformInspection
{
    public const string FrameworkId = "cci-2009";

    public static (PlannedInspection Inspection, IReadOnlyList<PlannedJudgement> Judgements) Plan(
        FrameworkCatalog frameworks, Random random, int judgements, int inspectors, string label, int minimumCases = 1)
    {
        var framework = frameworks.Latest(FrameworkId)!;
        var questions = framework.Sections.SelectMany(s => s.Criteria).SelectMany(c => c.Questions).ToList();
        var team = Enumerable.Range(1, inspectors).Select(n => $"{label}-inspector-{n:00}").ToList();
        var answers = new AnswerDraws(random);
        var cases = new List<SampledCase>();
        var planned = new List<PlannedJudgement>(judgements);
        while (planned.Count < judgements)
        {
            var @case = CaseProfiles.Broad(random, cases.Count + 1);
            cases.Add(@case);
            foreach (var question in questions.Where(q => q.AppliesTo(@case)).Take(judgements - planned.Count))
                planned.Add(answers.Judge(@case, question, team[planned.Count % team.Count]));
        }
        while (cases.Count < minimumCases) cases.Add(CaseProfiles.Broad(random, cases.Count + 1));
        var inspection = new PlannedInspection(-1, random.NextGuid(), FrameworkId,
            new YotReference($"bench-{label}", $"Benchmark {label}", "London"), $"{label}-lead", team, cases,
            [new PlannedFieldworkWeek(new PlannedWeek(1, new DateOnly(2012, 2, 6)), planned, [])], [], Published: false);
        return (inspection, planned);
    }
}
