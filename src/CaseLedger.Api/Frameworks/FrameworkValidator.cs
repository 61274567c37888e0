namespace CaseLedger.Api.Frameworks;

/// <summary>
/// Checks a framework against the rules in DESIGN.md §2. Pure: it reads the framework and returns every broken
/// rule as a message naming the element and the rule; an empty list means the framework may be used.
/// </summary>
public static class FrameworkValidator
{
    public static IReadOnlyList<string> Validate(Framework framework) =>
    [
        .. IdentityRules.Check(framework),
        .. QuestionRules.Check(framework),
        .. ThemeRules.Check(framework),
        .. BandingRules.Check(framework.Banding),
        .. RatingRulesCheck.Check(framework),
    ];

    internal static IEnumerable<Criterion> AllCriteria(this Framework framework) =>
        framework.Sections.SelectMany(section => section.Criteria);

    internal static IEnumerable<(Criterion Criterion, Question Question)> AllQuestions(this Framework framework) =>
        framework.AllCriteria().SelectMany(criterion => criterion.Questions.Select(question => (criterion, question)));
}
