using System.Runtime.CompilerServices;

namespace CaseLedger.Api.Frameworks;

public static class FrameworkQuestions
{
    private static readonly ConditionalWeakTable<Framework, IReadOnlyDictionary<string, Question>> Index = new();

    /// <summary>A question by id, from an index built once per framework.</summary>
    public static Question? FindQuestion(this Framework framework, string questionId) =>
        Index.GetValue(framework, Build).GetValueOrDefault(questionId);

    private static IReadOnlyDictionary<string, Question> Build(Framework framework) =>
        framework.Sections.SelectMany(section => section.Criteria).SelectMany(criterion => criterion.Questions)
            .ToDictionary(question => question.Id, StringComparer.Ordinal);
}
