using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Demo.Synthesis;

namespace CaseLedger.Demo;

/// <summary>
/// The answers an inspection ends with, once every revision and moderation is in: one for each question that
/// applies to each case (a question the framework does not ask of a case gets no judgement at all).
/// </summary>
public static class FinalAnswers
{
    public static IReadOnlyList<CaseAnswer> For(DemoInspection inspection, Framework framework)
    {
        var cases = inspection.Cases.Select(@case => @case.Sampled(inspection.Key)).ToList();
        return inspection.Answers switch
        {
            PublishedScores published => Synthesised(framework, cases, published),
            StatedFindings stated => CountedAnswers.Assign(framework, cases, stated),
            _ => throw new InvalidOperationException($"Unknown kind of demo answers: {inspection.Answers.GetType().Name}."),
        };
    }

    private static IReadOnlyList<CaseAnswer> Synthesised(Framework framework, IReadOnlyList<SampledCase> cases, PublishedScores published)
    {
        var byId = cases.ToDictionary(@case => @case.Id);
        var answers = JudgementSynthesiser.Synthesise(
            framework,
            [.. cases.Select(@case => new SampleCase(@case.Id, @case.Setting, @case.SentenceType, @case.RiskOfHarm))],
            published.Targets,
            published.Seed);
        return [.. answers.Where(answer => framework.FindQuestion(answer.QuestionId)!.AppliesTo(byId[answer.CaseId]))];
    }
}
