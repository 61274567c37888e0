using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Scores;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>
/// Inspector reliability, counted from sampled judgements' outcomes: per inspector and per question, each week by
/// week, then per criterion, section and theme. It is pure, so every figure can be checked against a hand count.
/// </summary>
public static class Reliability
{
    public static QaFigures Overall(IReadOnlyCollection<QaOutcome> outcomes) => QaFigures.Of(outcomes);

    public static IReadOnlyList<InspectorFigures> ByInspector(IReadOnlyCollection<QaOutcome> outcomes) =>
    [
        .. outcomes.GroupBy(outcome => outcome.Inspector, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new InspectorFigures(group.Key, QaFigures.Of([.. group]), ByWeek([.. group]))),
    ];

    /// <summary>Per question, in the framework's order of questions.</summary>
    public static IReadOnlyList<QuestionFigures> ByQuestion(IReadOnlyCollection<QaOutcome> outcomes, FrameworkCatalog frameworks) =>
    [
        .. outcomes.GroupBy(outcome => (outcome.FrameworkId, outcome.QuestionId))
            .Select(group =>
            {
                var questions = frameworks.Latest(group.Key.FrameworkId)?.Sections.SelectMany(section => section.Criteria)
                    .SelectMany(criterion => criterion.Questions).ToList() ?? [];
                var order = questions.FindIndex(question => question.Id == group.Key.QuestionId);
                var text = order < 0 ? "" : questions[order].Text;
                return (order, figures: new QuestionFigures(group.Key.FrameworkId, group.Key.QuestionId, text, QaFigures.Of([.. group]), ByWeek([.. group])));
            })
            .OrderBy(entry => entry.figures.FrameworkId, StringComparer.Ordinal).ThenBy(entry => entry.order)
            .Select(entry => entry.figures),
    ];

    /// <summary>
    /// The questions QA overturned most, most surely first: by the lower end of the overturn rate's interval, then
    /// by the rate. Ranked this way, a question overturned 1 time in 1 does not outrank one overturned 12 times in 30.
    /// Where many inspectors are overturned on the same question, the question's wording is the likelier fault.
    /// </summary>
    public static IReadOnlyList<QuestionFigures> MostDisputed(IReadOnlyList<QuestionFigures> questions) =>
    [
        .. questions.Where(question => question.Figures.Overturned > 0)
            .OrderByDescending(question => question.Figures.Interval?.Lower ?? 0)
            .ThenByDescending(question => question.Figures.OverturnRate ?? 0),
    ];

    /// <summary>Per criterion, section and theme: a question's outcomes count in every scope its answers count in.
    /// A scope under two versions of one framework is one scope to a reader across inspections.</summary>
    public static IReadOnlyList<ScopeFigures> ByScope(IReadOnlyCollection<QaOutcome> outcomes, ScoringSchemes schemes) =>
    [
        .. outcomes
            .SelectMany(outcome =>
            {
                var scheme = schemes.For(outcome.FrameworkId, outcome.FrameworkVersion);
                return scheme.Contains(outcome.QuestionId) ? scheme.ScopesOf(outcome.QuestionId).Select(scope => (scope, outcome)) : [];
            })
            .GroupBy(entry => (entry.outcome.FrameworkId, entry.scope.Kind, entry.scope.Id))
            .OrderBy(group => group.Key.FrameworkId, StringComparer.Ordinal).ThenBy(group => group.First().scope.Ordinal)
            .Select(group => new ScopeFigures(group.Key.FrameworkId, group.Key.Kind, group.Key.Id, group.First().scope.Title,
                QaFigures.Of([.. group.Select(entry => entry.outcome)]))),
    ];

    private static IReadOnlyList<WeekFigures> ByWeek(IReadOnlyCollection<QaOutcome> outcomes) =>
    [
        .. outcomes.GroupBy(outcome => outcome.Week).OrderBy(group => group.Key ?? int.MaxValue)
            .Select(group => new WeekFigures(group.Key, QaFigures.Of([.. group]))),
    ];
}
